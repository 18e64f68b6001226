using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Messages;

namespace OmniIntake.Core.Intake;

/// <summary>
/// What every channel turns an arriving message into. The intake pipeline is the only writer of cases
/// (ARCHITECTURE.md); a channel acknowledges its source only after <see cref="IIntake.AcceptAsync"/> returned.
/// </summary>
public sealed record InboundMessage
{
    public required Channel Channel { get; init; }

    /// <summary>The channel's own id of the message (Twilio MessageSid, IMAP account/folder/uidvalidity/uid,
    /// an Idempotency-Key). A second delivery with the same (channel, external id) changes nothing.</summary>
    public required string ExternalId { get; init; }

    public required ContactHandle Sender { get; init; }

    public string? SenderName { get; init; }

    public string? Subject { get; init; }

    public required string Text { get; init; }

    /// <summary>HTML as received; the pipeline stores only its sanitised form.</summary>
    public string? Html { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>What the channel had to do to read it (<see cref="MessageNotices"/>), shown to the agent on the message.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public required DateTimeOffset ReceivedAt { get; init; }

    public ThreadHints Thread { get; init; } = ThreadHints.None;

    /// <summary>Registration fields known from the channel or filled by a dialog or an agent.</summary>
    public CaseFields? Fields { get; init; }

    /// <summary>Who registered it when it was taken by hand (first-responder rule); null for the customer.</summary>
    public string? RegisteredBy { get; init; }
}

/// <summary>What threads a message into an existing case, strongest first.</summary>
public sealed record ThreadHints
{
    public static ThreadHints None { get; } = new();

    /// <summary>This message's RFC 5322 Message-ID.</summary>
    public string? MessageId { get; init; }

    /// <summary>In-Reply-To and References, the ids this message answers.</summary>
    public IReadOnlyList<string> Replies { get; init; } = [];

    /// <summary>A chat conversation id: every message of one session belongs to one case.</summary>
    public string? SessionKey { get; init; }
}

/// <summary>The registration a case needs (policy 5.2.1). All optional at intake: the dialog asks for what is missing.</summary>
public sealed record CaseFields
{
    public string? ComplainantName { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }

    public string? OccurredAt { get; init; }

    public string? Location { get; init; }

    /// <summary>What the customer asks for (客人要求).</summary>
    public string? CustomerRequest { get; init; }

    public string? Category { get; init; }
}
