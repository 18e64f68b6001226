using MimeKit;
using OmniIntake.Channels.Email.Parsing;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Messages;

namespace OmniIntake.Channels.Email.Ingest;

/// <summary>An e-mail attachment is a part of the kept raw message: nothing is stored twice.</summary>
public sealed class EmailAttachmentSource(IRawMessageStore raw) : IAttachmentSource
{
    public Channel Channel => Channel.Email;

    public async Task<AttachmentContent?> OpenAsync(string externalId, string storageKey, CancellationToken cancellationToken = default)
    {
        if (!storageKey.StartsWith("mime-", StringComparison.Ordinal)
            || !int.TryParse(storageKey.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            return null;
        var bytes = await raw.ContentByExternalIdAsync(Channel.Email, externalId, cancellationToken);
        if (bytes is null) return null;
        var message = await MimeMessage.LoadAsync(new MemoryStream(bytes, writable: false), cancellationToken);
        var parts = EmailReader.AttachmentParts(message);
        if (index >= parts.Count) return null;
        var entity = parts[index];
        using var buffer = new MemoryStream();
        if (entity is MimePart { Content: { } content }) await content.DecodeToAsync(buffer, cancellationToken);
        else if (entity is MessagePart { Message: { } inner }) await inner.WriteToAsync(buffer, cancellationToken);
        var name = entity.ContentDisposition?.FileName ?? entity.ContentType.Name ?? storageKey;
        return new AttachmentContent(name, entity.ContentType.MimeType.ToLowerInvariant(), buffer.ToArray());
    }
}
