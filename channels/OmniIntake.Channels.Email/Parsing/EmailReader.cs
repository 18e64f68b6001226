using System.Security.Cryptography;
using MimeKit;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Messages;

namespace OmniIntake.Channels.Email.Parsing;

/// <summary>
/// Reads a raw RFC 822 message with MimeKit into an <see cref="InboundMessage"/>: text and HTML bodies in the charsets
/// Chinese senders really use, attachments, threading ids, and what kind of mail it is (issue 3).
/// </summary>
public sealed class EmailReader
{
    private readonly AttachmentLimits _limits;

    public EmailReader(AttachmentLimits? limits = null) => _limits = limits ?? new AttachmentLimits();

    private readonly ParserOptions _parser = new()
    {
        // Raw 8-bit headers from Chinese mailers that declare nothing are GB18030 far more often than Latin-1.
        CharsetEncoding = Charsets.Gb18030,
    };

    /// <param name="externalId">The channel's identity of this message (IMAP account/folder/UIDVALIDITY/UID, or the pipe's hash).</param>
    public ParsedEmail Read(Stream raw, string externalId, DateTimeOffset receivedAt)
    {
        using var buffer = new MemoryStream();
        raw.CopyTo(buffer);
        var (bytes, headersCut) = HeaderBounds.Apply(buffer.ToArray());
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(_parser, new MemoryStream(bytes, writable: false));
        }
        catch (FormatException) when (SkipLeadingGarbage(bytes) is { } trimmed)
        {
            // A stray fragment before the first header (a broken relay's Received: tail) hides a good message.
            message = MimeMessage.Load(_parser, new MemoryStream(trimmed, writable: false));
        }
        var kind = Classify(message);
        var messageId = message.MessageId is { Length: > 0 } id ? "<" + id + ">" : null;
        var subject = HeaderText.Subject(message);
        if (kind is EmailKind.Bounce or EmailKind.Report)
            return new ParsedEmail(kind, null, messageId, $"{kind}: {subject}");

        var notices = new List<string>();
        if (headersCut) notices.Add(MessageNotices.HeaderTooLong);
        var (text, html) = Bodies(message, notices);
        var attachments = Attachments(message);
        // A mail with only a subject ("Water off again in building 3") is still a complaint: the subject is its text.
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html) && attachments.Count == 0) text = subject;
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender ?? message.ReplyTo.Mailboxes.FirstOrDefault();
        var sender = from is not null && ContactHandle.TryCreate(ContactHandleKind.Email, from.Address, out var handle, out _)
            ? handle
            // No usable sender still makes a complaint (anonymous complaints are accepted); it is its own contact.
            : ContactHandle.Create(ContactHandleKind.Anonymous, "email:" + externalId);
        var replies = message.InReplyTo is { Length: > 0 } inReplyTo ? new List<string> { "<" + inReplyTo + ">" } : [];
        replies.AddRange(message.References.Select(r => "<" + r + ">").Where(r => !replies.Contains(r)));

        var inbound = new InboundMessage
        {
            Channel = Channel.Email,
            ExternalId = externalId,
            Sender = sender,
            SenderName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name,
            Subject = subject,
            Text = text ?? string.Empty,
            Html = html,
            Attachments = attachments,
            Notices = notices,
            ReceivedAt = receivedAt,
            Thread = new ThreadHints { MessageId = messageId, Replies = replies },
        };
        return new ParsedEmail(kind, inbound, messageId, subject ?? "");
    }

    /// <summary>The message from its first line that looks like a header field ("Name: ..."), or null when none does.</summary>
    private static byte[]? SkipLeadingGarbage(byte[] bytes)
    {
        var start = 0;
        for (var line = 0; line < 50 && start < bytes.Length; line++)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) return null;
            var colon = Array.IndexOf(bytes, (byte)':', start, end - start);
            var isHeader = colon > start && bytes.AsSpan(start, colon - start).IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) < 0;
            if (isHeader) return start == 0 ? null : bytes[start..];
            start = end + 1;
        }
        return null;
    }

    /// <summary>The identity of a piped message that has no other: the SHA-256 of its bytes.</summary>
    public static string ContentId(ReadOnlySpan<byte> raw) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));

    public static EmailKind Classify(MimeMessage message)
    {
        if (message.Body is MultipartReport report)
        {
            return string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase)
                ? EmailKind.Bounce
                : EmailKind.Report;
        }
        var from = message.From.Mailboxes.FirstOrDefault()?.LocalPart ?? "";
        if (from.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || from.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
            return EmailKind.Bounce;
        var headers = message.Headers;
        if (headers["Auto-Submitted"] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return EmailKind.AutoReply;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond")) return EmailKind.AutoReply;
        if (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "list" or "junk") return EmailKind.AutoReply;
        return EmailKind.Personal;
    }

    private static (string? Text, string? Html) Bodies(MimeMessage message, List<string> notices, int depth = 0)
    {
        string? text = null, html = null;
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => !p.IsAttachment))
        {
            if (text is null && (part is TextPart { IsPlain: true } || IsBareText(part))) text = Decode(part, notices);
            else if (html is null && part is TextPart { IsHtml: true }) html = Decode(part, notices);
        }
        if (text is not null || html is not null || depth > 3) return (text, html);
        // A digest or a bare forward carries its text in embedded messages: read those, each under its subject.
        var embedded = message.BodyParts.OfType<MessagePart>().Where(p => !p.IsAttachment)
            .Select(p => p.Message).OfType<MimeMessage>()
            .Select(m => (Subject: HeaderText.Subject(m), Body: Bodies(m, notices, depth + 1)))
            .Where(e => e.Body.Text is not null || e.Body.Html is not null)
            .Select(e => $"--- {e.Subject} ---\n{e.Body.Text ?? HtmlText(e.Body.Html!)}")
            .ToList();
        return (embedded.Count == 0 ? null : string.Join("\n\n", embedded), null);
    }

    private static string HtmlText(string html) => OmniIntake.Core.Text.HtmlCleaner.ToPlainText(html);

    /// <summary>"Content-Type: text" without a subtype is plain text (RFC 2045 5.2 reads a broken type as text/plain), not an attachment.</summary>
    private static bool IsBareText(MimePart part) =>
        part is not TextPart && part.Headers[HeaderId.ContentType] is { } raw && raw.Split(';')[0].Trim() is var type
        && type.Equals("text", StringComparison.OrdinalIgnoreCase);

    /// <summary>The part's text under its label, the label corrected from the bytes when it does not fit (issue 12).</summary>
    private static string Decode(MimePart part, List<string> notices)
    {
        using var bytes = new MemoryStream();
        part.Content?.DecodeTo(bytes);
        var decoded = Charsets.Decode(bytes.ToArray(), part.ContentType.Charset);
        if (decoded.Notice is { } notice && !notices.Contains(notice)) notices.Add(notice);
        return decoded.Text;
    }

    /// <summary>
    /// The parts a case lists as attachments, in a fixed order (their index is their storage key): named attachments,
    /// inline images and other non-text parts, embedded messages sent as attachments.
    /// </summary>
    public static IReadOnlyList<MimeEntity> AttachmentParts(MimeMessage message) =>
        message.BodyParts.Where(e => e switch
        {
            MessagePart m => m.IsAttachment,
            TextPart t => t.IsAttachment,
            MimePart p => p.IsAttachment || !IsBareText(p),
            _ => false,
        }).ToList();

    public static string StorageKey(int index) => "mime-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private List<Attachment> Attachments(MimeMessage message)
    {
        var list = new List<Attachment>();
        var parts = AttachmentParts(message);
        for (var index = 0; index < parts.Count; index++)
        {
            var entity = parts[index];
            var name = entity.ContentDisposition?.FileName ?? entity.ContentType.Name
                       ?? (entity is MessagePart ? "message.eml" : $"part-{index + 1}.{entity.ContentType.MediaSubtype}");
            long size = 0;
            if (entity is MimePart part && part.Content is { } content)
            {
                using var counter = new CountingStream();
                content.DecodeTo(counter);
                size = counter.Length;
            }
            else if (entity is MessagePart embedded && embedded.Message is { } inner)
            {
                using var counter = new CountingStream();
                inner.WriteTo(counter);
                size = counter.Length;
            }
            // Media types are case-insensitive and senders write them in any case (apPLICATION/PDf).
            var type = entity.ContentType.MimeType.ToLowerInvariant();
            // The bytes stay in the kept raw message; a refused one keeps its name and the reason, shown on the case.
            var refused = _limits.Refuse(name, type, size);
            list.Add(new Attachment(name, type, size, refused is null ? StorageKey(index) : null, refused));
        }
        return list;
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
