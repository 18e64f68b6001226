using System.Text.RegularExpressions;
using MimeKit;
using OmniIntake.Channels.Email.Setup;
using OmniIntake.Core.Outbound;

namespace OmniIntake.Channels.Email.Smtp;

/// <summary>
/// Builds the mail for one outbound message: the case number in the subject ([#TS-...]), a Message-ID in our domain
/// that stays the same on every retry, In-Reply-To/References so the customer's client threads it, and
/// Auto-Submitted: auto-replied on what the hub wrote by itself (RFC 3834), so well-behaved robots do not answer it.
/// </summary>
public static partial class ReplyComposer
{
    public static MimeMessage Compose(OutboundMessage message, EmailChannelOptions options)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(options.DisplayName, options.Address));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = Subject(message.CaseNumber, message.CaseSubject);
        mail.MessageId = MessageId(message, options);
        if (message.InReplyTo is { } inReplyTo) mail.InReplyTo = Unbracket(inReplyTo);
        foreach (var reference in message.References) mail.References.Add(Unbracket(reference));
        if (message.Automatic)
        {
            mail.Headers.Add("Auto-Submitted", "auto-replied");
            mail.Headers.Add("X-Auto-Response-Suppress", "All");
        }
        mail.Headers.Add("X-OmniIntake-Case", message.CaseNumber);
        var text = new TextPart("plain") { Text = message.Text };
        if (message.Files.Count == 0)
        {
            mail.Body = text;
            return mail;
        }
        // An agent's files as attachments (issue 16 item 4), under their sniffed type.
        var body = new BodyBuilder { TextBody = message.Text };
        foreach (var file in message.Files) body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        mail.Body = body.ToMessageBody();
        return mail;
    }

    /// <summary>The same on every attempt, so a retried send the recipient already got is recognised as one mail.</summary>
    public static string MessageId(OutboundMessage message, EmailChannelOptions options) =>
        $"{message.CaseNumber.ToLowerInvariant()}.m{message.MessageId}@{options.Domain}";

    public static string Subject(string caseNumber, string? caseSubject)
    {
        var tag = $"[#{caseNumber}]";
        if (string.IsNullOrWhiteSpace(caseSubject)) return tag;
        // "Re: Re: 回复: [#TS-...] x" becomes "x": one prefix and one tag are enough.
        var bare = Prefixes().Replace(Tag().Replace(caseSubject, " "), "").Trim();
        return bare.Length == 0 ? tag : $"Re: {bare} {tag}";
    }

    private static string Unbracket(string id) => id.Trim().TrimStart('<').TrimEnd('>');

    [GeneratedRegex(@"\[#[A-Za-z]{1,6}-\d{8}-\d{5,12}\]")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\s*((re|fw|fwd|aw|sv|回复|答复|转发)\s*[:：]\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefixes();
}
