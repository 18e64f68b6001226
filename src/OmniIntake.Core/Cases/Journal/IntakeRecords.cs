using OmniIntake.Core.Audit;
using OmniIntake.Core.Events;

namespace OmniIntake.Core.Cases;

// The journal records of the intake (issue 13 items 1 and 7): registering a case and threading a message. The details
// and payloads are the JSON the intake always wrote; messageId is last, where the writers used to append it.

/// <summary>A message opened a new case (<paramref name="RelatedCaseId"/>: the earlier case it is linked to, if any).</summary>
public sealed record CaseOpened(string Actor, DateTimeOffset At, Channel Channel, string ExternalId, long? RelatedCaseId, string Reason, string Sender,
    string Preview) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.opened";
    public override string EventKind => CaseEventKinds.CaseOpened;

    public override object AuditDetail(long? messageId) =>
        new { channel = Channel.ToName(), externalId = ExternalId, relatedCaseId = RelatedCaseId, reason = Reason, messageId };

    public override object EventData(long? messageId) => new { channel = Channel.ToName(), sender = Sender, preview = Preview, messageId };
}

/// <summary>A message was threaded onto an open case, by the rule <paramref name="Reason"/> names.</summary>
public sealed record MessageReceived(string Actor, DateTimeOffset At, Channel Channel, string Reason, string Sender, string Preview)
    : CaseRecord(Actor, At)
{
    public override string AuditAction => "message.received";
    public override string EventKind => CaseEventKinds.MessageReceived;
    public override object AuditDetail(long? messageId) => new { channel = Channel.ToName(), reason = Reason, messageId };
    public override object EventData(long? messageId) => new { channel = Channel.ToName(), sender = Sender, preview = Preview, messageId };
}

/// <summary>
/// A new case was classified as it was registered (policy 5.5: a repeat complaint after handling is important), raised
/// from general; audit only, since the case's opening event already carries it to the consoles.
/// </summary>
public sealed record RaisedOnRegistration(DateTimeOffset At, CaseClass ToClass, string Reason, long? RelatedCaseId) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "case.classified";

    public override object AuditDetail(long? messageId) => new
    {
        fromClass = CaseClass.General.ToName(), toClass = ToClass.ToName(), reason = Reason, automatic = true, relatedCaseId = RelatedCaseId,
    };
}
