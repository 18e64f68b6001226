using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using OmniIntake.Core.Attachments;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Messages;
using OmniIntake.Data.Attachments;
using OmniIntake.Data.Cases;
using OmniIntake.Server.FollowUps;
using OmniIntake.Server.Infrastructure;

namespace OmniIntake.Server.Attachments;

/// <summary>An attachment of a message, found by the message and its storage key, with the case it belongs to.</summary>
public sealed record OpenedAttachment(MessageCase Case, Attachment Recorded, AttachmentContent Content);

/// <summary>
/// Opens the attachments recorded on messages, whoever kept them: the attachment store ("file-N": widget, MMS, status page,
/// agents' replies) or the channel (e-mail: a part of the kept raw message) — so every attachment is shown the same way.
/// </summary>
public sealed class AttachmentFiles(CaseQueries queries, MessageCaseQuery cases, IAttachmentStore store, IEnumerable<IAttachmentSource> sources)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<OpenedAttachment?> OpenAsync(long messageId, string key, CancellationToken ct)
    {
        var message = await queries.MessageAsync(messageId, ct);
        if (message is null || await cases.FindAsync(messageId, ct) is not { } owner) return null;
        var recorded = (JsonSerializer.Deserialize<List<Attachment>>(message.Attachments, Json) ?? []).FirstOrDefault(a => a.StorageKey == key);
        // A refused attachment has no key: the case shows its name and why it was not kept.
        if (recorded is null) return null;
        AttachmentContent? content;
        if (StoredFiles.IsStoreKey(key)) content = await store.OpenAsync(key, ct);
        else
        {
            var source = ChannelNames.TryParse(message.Channel, out var channel) ? sources.FirstOrDefault(s => s.Channel == channel) : null;
            content = source is null || message.ExternalId is null ? null : await source.OpenAsync(message.ExternalId, key, ct);
        }
        return content is null ? null : new OpenedAttachment(owner, recorded, content);
    }

    /// <summary>
    /// The file as a response that no browser renders as a page (issue 16 item 4): an image (sniffed again now, whatever was
    /// recorded) may be shown inline as that image; everything else is a download. Always nosniff and a CSP that allows
    /// nothing to run.
    /// </summary>
    public static IResult Serve(HttpResponse response, AttachmentContent content, bool inline)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; sandbox";
        response.Headers.CacheControl = "private, no-store";
        var sniffed = ContentSniffer.Sniff(content.Content);
        var name = StoredFiles.SafeName(content.FileName, sniffed ?? "");
        if (!name.Contains('.', StringComparison.Ordinal) && Path.GetExtension(content.FileName) is { Length: > 0 and < 10 } ext && sniffed is null)
            name += ext; // an e-mail attachment of another type keeps its extension, as a download
        if (inline && sniffed is not null && ContentSniffer.IsImage(sniffed))
        {
            response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(name)}";
            return Results.File(content.Content, sniffed);
        }
        return Results.File(content.Content, "application/octet-stream", name);
    }
}

/// <summary>
/// Signed, expiring links to one attachment (issue 16 item 4): what a customer opens without an account (an agent's file
/// sent by SMS or chat). The token names the message and the key; it is a Data Protection payload valid for
/// Attachments:LinkLifetime.
/// </summary>
public sealed class AttachmentLinks(IDataProtectionProvider protection, FollowUpOptions follow, Microsoft.AspNetCore.Hosting.Server.IServer server,
    AttachmentLinkOptions options)
{
    private ITimeLimitedDataProtector Protector => protection.CreateProtector("OmniIntake.Attachments.Link").ToTimeLimitedDataProtector();

    public string For(long messageId, string storageKey)
    {
        var token = Protector.Protect(messageId.ToString(CultureInfo.InvariantCulture) + ":" + storageKey, options.LinkLifetime);
        var root = follow.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : ServerAddresses.First(server);
        return $"{root}/files/{token}";
    }

    public (long MessageId, string Key)? Read(string token)
    {
        if (token.Length is 0 or > 2000) return null;
        try
        {
            var text = Protector.Unprotect(token);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (id, text[(colon + 1)..]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired, altered, or from a key ring that is gone
        }
    }
}

public sealed class AttachmentLinkOptions
{
    /// <summary>How long a customer's link to a file stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);
}
