using OmniIntake.Core.Attachments;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Messages;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Server.Attachments;

/// <summary>
/// An agent's files on a reply (issue 16 item 4), as each channel can carry them: e-mail sends them as attachments; chat and
/// SMS send a signed, expiring link per file that the customer opens without an account (the case file keeps the reply
/// as written, the link is made at sending time).
/// </summary>
public sealed class ReplyFiles(IAttachmentStore store, AttachmentLinks links)
{
    /// <returns>The files recorded under these keys, or null when one of them is not in the store.</returns>
    public static async Task<IReadOnlyList<Attachment>?> ResolveAsync(IAttachmentStore store, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var found = new List<Attachment>(keys.Count);
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Take(10))
        {
            if (await store.FindAsync(key, ct) is not { } attachment) return null;
            found.Add(attachment);
        }
        return found;
    }

    public async Task<OutboundMessage> PrepareAsync(OutboundMessage message, CancellationToken ct)
    {
        if (message.Attachments.Count == 0) return message;
        if (message.Channel == Channel.Email)
        {
            var files = new List<OutboundFile>(message.Attachments.Count);
            foreach (var attachment in message.Attachments)
                if (await store.OpenAsync(attachment.StorageKey!, ct) is { } content)
                    files.Add(new OutboundFile(content.FileName, content.ContentType, content.Content));
            return message with { Files = files };
        }
        var lines = message.Attachments.Select(a => $"📎 {a.FileName} ({AttachmentsSetup.SizeText(a.Size)}): {links.For(message.MessageId, a.StorageKey!)}");
        return message with { Text = message.Text + "\n\n" + string.Join("\n", lines) };
    }
}
