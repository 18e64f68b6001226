using System.Text.Json;
using OmniIntake.Core.Audit;
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

    public bool IsNewCase => Thread.Target is null;
    public string Actor => Message.RegisteredBy ?? AuditActors.Customer;
    public string Channel => Message.Channel.ToName();
    public string? SenderName => Clean(Message.SenderName ?? Message.Fields?.ComplainantName);

    /// <summary>The complainant's name on the case: as given now, else the name the returning contact gave before (issue 15 item 2).</summary>
    public string? ComplainantName => Message.Fields?.ComplainantName ?? Message.SenderName ?? Lookup.ContactName;
    public string? Category => Lookup.CategoryKnown ? Message.Fields?.Category?.Trim() : null;
    public bool CategoryUnknown => Message.Fields?.Category is { Length: > 0 } && !Lookup.CategoryKnown;
    public required DueTime Forwarding { get; init; }
    public DateTimeOffset ForwardDueAt => Forwarding.DueAt;
    public string ForwardRule => Forwarding.Rule;
    public string ForwardRuleCode => Forwarding.Code.Code;
    public string ForwardRuleParams => Deadlines.StoredRuleCode.Params(Forwarding.Code);
    public DateTimeOffset ForwardWarnAt => Forwarding.WarnAt;
    public string ForwardKind => Forwarding.Kind.ToName();

    /// <summary>The forwarding clock starts at receipt (issue 13: kept, so a calendar change recomputes from it).</summary>
    public required DeadlineClock ForwardClock { get; init; }
    public DateTimeOffset ForwardStartsAt => ForwardClock.StartsAt;
    public string ForwardStartedBy => ForwardClock.StartedBy.ToName();
    public string CaseNumberPrefix => Options.CaseNumberPrefix;

    /// <summary>Policy 5.5: a new case by a complainant whose earlier case was handled is important (<see cref="RepeatComplaintAfterHandling"/>).</summary>
    public ClassRaise? Raise => IsNewCase ? RepeatComplaintAfterHandling.For(Thread.RepeatOf) : null;

    public string Class => (Raise?.To ?? CaseClass.General).ToName();

    /// <summary>The audit detail of that classification, or null (the writers audit it only when there is one).</summary>
    public string? ClassifiedDetail => Raise is { } raise
        ? JsonSerializer.Serialize(new { fromClass = CaseClass.General.ToName(), toClass = raise.To.ToName(), reason = raise.Reason, automatic = true,
            relatedCaseId = Thread.RelatedCaseId }, Json.Options)
        : null;

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

    /// <summary>The audit detail and the event data, without the message id (the writers add it once known).</summary>
    public string AuditDetail => JsonSerializer.Serialize(IsNewCase
        ? new { channel = Channel, externalId = Message.ExternalId, relatedCaseId = Thread.RelatedCaseId, reason = Thread.Reason }
        : (object)new { channel = Channel, reason = Thread.Reason }, Json.Options);

    public string EventData => JsonSerializer.Serialize(new { channel = Channel, sender = Message.Sender.ToString(), preview = Preview() }, Json.Options);

    public string AuditAction => IsNewCase ? "case.opened" : "message.received";

    public string EventKind => IsNewCase ? Core.Events.CaseEventKinds.CaseOpened : Core.Events.CaseEventKinds.MessageReceived;

    public static string CaseNumberOf(string prefix, string day, long serial) =>
        new CaseNumber(prefix, DateOnly.ParseExact(day, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), serial).ToString();

    private string Preview()
    {
        var text = Message.Subject is { Length: > 0 } s ? s + " — " + BodyText : BodyText;
        return text.Length <= 140 ? text : text[..140] + "…";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>PostgreSQL text cannot hold U+0000, which broken mail does carry; it carries no meaning.</summary>
    public static string? StripNul(string? value) => value?.Replace("\0", string.Empty, StringComparison.Ordinal);
}
