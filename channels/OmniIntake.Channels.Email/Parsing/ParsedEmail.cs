using OmniIntake.Core.Intake;

namespace OmniIntake.Channels.Email.Parsing;

/// <summary>What kind of mail arrived: only complaints (and a customer's replies) open or join cases.</summary>
public enum EmailKind
{
    /// <summary>A person wrote: take it in.</summary>
    Personal,

    /// <summary>An auto-reply (out of office, Auto-Submitted, X-Autoreply, Precedence bulk/list/junk): taken in, never answered.</summary>
    AutoReply,

    /// <summary>A delivery failure (multipart/report delivery-status, MAILER-DAEMON): kept aside, not a complaint.</summary>
    Bounce,

    /// <summary>A read receipt or an abuse report (disposition-notification, feedback-report): kept aside, not a complaint.</summary>
    Report,
}

/// <summary>An email read into the hub's terms. <see cref="Message"/> is null when the mail is not a complaint.</summary>
public sealed record ParsedEmail(EmailKind Kind, InboundMessage? Message, string? MessageId, string Summary);
