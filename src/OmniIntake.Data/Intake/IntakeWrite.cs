using System.Text.Json;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Contacts;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Intake;
using OmniIntake.Core.Policy;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Intake;

/// <summary>
/// Everything one intake writes, computed before any write: <see cref="IntakeWriter"/> takes the same values whether it
/// chains its statements into one (PostgreSQL) or runs them in turn (SQLite), so the dialects never differ in what is stored.
/// </summary>
internal sealed class IntakeWrite
{
    public required InboundMessage Message { get; init; }
    public required IntakeLookup Lookup { get; init; }
    public required ThreadDecision Thread { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required IntakeOptions Options { get; init; }

    /// <summary>What the case aggregate decided (issue 13 item 1): a registration or a threading; nothing here decides policy.</summary>
    public required IntakeDecision Decision { get; init; }

    /// <summary>The new case's class, clock and journal, or null when the message is threaded.</summary>
    public CaseRegistration? Registration => Decision as CaseRegistration;

    public bool IsNewCase => Registration is not null;
    public string Channel => Message.Channel.ToName();
    public string? SenderName => Clean(Message.SenderName ?? Message.Fields?.ComplainantName);

    /// <summary>The complainant's name on the case: as given now, else the name the returning contact gave before (issue 15 item 2).</summary>
    public string? ComplainantName => Message.Fields?.ComplainantName ?? Message.SenderName ?? Lookup.ContactName;
    public string? Category => Lookup.CategoryKnown ? Message.Fields?.Category?.Trim() : null;

    private DueTime? Forwarding => Registration?.Forwarding.Due;
    public DateTimeOffset? ForwardDueAt => Forwarding?.DueAt;
    public string? ForwardRule => Forwarding?.Rule;
    public string? ForwardRuleCode => Forwarding?.Code.Code;
    public string? ForwardRuleParams => Forwarding is { } due ? Deadlines.StoredRuleCode.Params(due.Code) : null;
    public DateTimeOffset? ForwardWarnAt => Forwarding?.WarnAt;
    public string? ForwardKind => Forwarding?.Kind.ToName();

    /// <summary>The forwarding clock starts at receipt (issue 13: kept, so a calendar change recomputes from it).</summary>
    private DeadlineClock? ForwardClock => Registration?.Forwarding.Clock;
    public DateTimeOffset? ForwardStartsAt => ForwardClock?.StartsAt;
    public string? ForwardStartedBy => ForwardClock?.StartedBy.ToName();
    public string CaseNumberPrefix => Options.CaseNumberPrefix;
    public string Class => (Registration?.Class ?? CaseClass.General).ToName();

    public string CaseDay =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Message.ReceivedAt, Options.Zone).DateTime).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public string? ContactPhone => Message.Fields?.ContactPhone ?? (Message.Sender.Kind == ContactHandleKind.Phone ? Message.Sender.Value : null);
    public string? ContactEmail => Message.Fields?.ContactEmail ?? (Message.Sender.Kind == ContactHandleKind.Email ? Message.Sender.Value : null);

    /// <summary>Prepared before the transaction (<see cref="IntakeBody"/>): nothing CPU-heavy runs while the write lock is held.</summary>
    public required IntakeBody Body { get; init; }

    public string? SanitisedHtml => Body.SanitisedHtml;

    public string BodyText => Body.BodyText;

    public string Notices => Body.NoticesJson;

    /// <summary>The inbound message as the one <see cref="MessageRow.Insert"/> writes it.</summary>
    public MessageRow InboundRow(long caseId) => new(caseId, CaseMessageDirections.Inbound, Channel, Message.ExternalId, Message.Sender.ToString(),
        Message.RegisteredBy, Subject, BodyText, SanitisedHtml, AttachmentsJson, Message.Thread.MessageId, Message.ReceivedAt, Notices);

    /// <summary>The subject as stored (case and message alike).</summary>
    public string? Subject => StripNul(Message.Subject);

    public string AttachmentsJson => JsonSerializer.Serialize(Message.Attachments, Json.Options);

    /// <summary>The message as the aggregate's intake decisions take it (the preview from the stored text).</summary>
    public static InboundArrival Arrival(InboundMessage message, IntakeBody body) =>
        new(message.Channel, message.ExternalId, message.Sender.ToString(), InboundArrival.ActorOf(message.RegisteredBy), message.ReceivedAt,
            InboundArrival.PreviewOf(message.Subject, body.BodyText));

    public static string CaseNumberOf(string prefix, string day, long serial) =>
        new CaseNumber(prefix, DateOnly.ParseExact(day, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), serial).ToString();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>PostgreSQL text cannot hold U+0000, which broken mail does carry; it carries no meaning.</summary>
    public static string? StripNul(string? value) => value?.Replace("\0", string.Empty, StringComparison.Ordinal);
}
