using OmniIntake.Core.Audit;
using OmniIntake.Core.Events;

namespace OmniIntake.Core.Cases;

// The journal records the hub writes by itself (issue 13 item 7): clocks, escalation, notices, similar complaints,
// follow-ups and the outbox. One record per audit action, carrying its parameters.

/// <summary>A clock is at risk (its warning time passed).</summary>
public sealed record DeadlineAtRisk(DateTimeOffset At, long DeadlineId, string Kind, DateTimeOffset DueAt, string Rule) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "deadline.atRisk";
    public override string EventKind => CaseEventKinds.DeadlineAtRisk;
    public override object AuditDetail(long? messageId) => new { deadlineId = DeadlineId, kind = Kind, dueAt = DueAt, rule = Rule };
    public override object EventData(long? messageId) => new { deadlineId = DeadlineId, kind = Kind, dueAt = DueAt, rule = Rule };
}

/// <summary>A clock breached; <paramref name="FiredLate"/>: how late the sweep noticed it.</summary>
public sealed record DeadlineBreached(DateTimeOffset At, long DeadlineId, string Kind, DateTimeOffset DueAt, string Rule, TimeSpan FiredLate)
    : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "deadline.breached";
    public override string EventKind => CaseEventKinds.DeadlineBreached;
    public override object AuditDetail(long? messageId) => new { deadlineId = DeadlineId, kind = Kind, dueAt = DueAt, rule = Rule };

    public override object EventData(long? messageId) =>
        new { deadlineId = DeadlineId, kind = Kind, dueAt = DueAt, rule = Rule, firedLateMs = (long)FiredLate.TotalMilliseconds };
}

/// <summary>A calendar change moved a clock's due time (recomputed from what started it, issue 13).</summary>
public sealed record DeadlineRecomputed(string Actor, DateTimeOffset At, long DeadlineId, string Kind, DateTimeOffset FromDueAt, DateTimeOffset ToDueAt,
    string Rule, string? Reason) : CaseRecord(Actor, At)
{
    public override string AuditAction => "deadline.recomputed";
    public override string EventKind => "deadline.recomputed";

    public override object AuditDetail(long? messageId) =>
        new { deadlineId = DeadlineId, kind = Kind, fromDueAt = FromDueAt, toDueAt = ToDueAt, rule = Rule, reason = Reason };

    public override object EventData(long? messageId) => new { deadlineId = DeadlineId, dueAt = ToDueAt };
}

/// <summary>What an escalation rule did when a clock reached its phase (issue 13 item 5; audit only, the changes have their own records).</summary>
public sealed record CaseEscalated(DateTimeOffset At, long DeadlineId, string Clock, string Phase, string Rule, bool Notified, string? RaisedFrom,
    string? RaisedTo, string? AssignedTo, string? AssignRefusedCode) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "case.escalated";

    public override object AuditDetail(long? messageId) => new
    {
        deadlineId = DeadlineId, clock = Clock, phase = Phase, rule = Rule, notified = Notified, raisedFrom = RaisedFrom, raisedTo = RaisedTo,
        assignedTo = AssignedTo, assignRefusedCode = AssignRefusedCode,
    };
}

/// <summary>Supervisors were sent a notice of <paramref name="Kind"/> (recipients as channel:address; audit only).</summary>
public sealed record NotificationQueued(DateTimeOffset At, string Kind, IReadOnlyList<string> Recipients) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "notification.queued";
    public override object AuditDetail(long? messageId) => new { kind = Kind, recipients = Recipients };
}

/// <summary>The similarity sweep put the case in a group of similar complaints (audit only).</summary>
public sealed record LinkedSimilar(DateTimeOffset At, long GroupId, double Score, string With) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "case.linked-similar";
    public override object AuditDetail(long? messageId) => new { groupId = GroupId, score = Score, with = With };
}

/// <summary>A supervisor confirmed the group of similar complaints (audit only).</summary>
public sealed record SimilarConfirmed(string Actor, DateTimeOffset At, long GroupId) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.similar-confirmed";
    public override object AuditDetail(long? messageId) => new { groupId = GroupId };
}

/// <summary>The case was taken out of its group: not the same complaint (audit only).</summary>
public sealed record SimilarRemoved(string Actor, DateTimeOffset At, long GroupId, string? Reason) : CaseRecord(Actor, At)
{
    public override string AuditAction => "case.similar-removed";
    public override object AuditDetail(long? messageId) => new { groupId = GroupId, reason = Reason };
}

/// <summary>The follow-up question was sent on <paramref name="Channel"/>.</summary>
public sealed record FollowUpSent(DateTimeOffset At, long? FollowUpId, string? Channel) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "follow-up.sent";
    public override string EventKind => CaseEventKinds.FollowUpSent;
    public override object AuditDetail(long? messageId) => new { followUpId = FollowUpId, messageId, channel = Channel };
    public override object EventData(long? messageId) => new { followUpId = FollowUpId, messageId, channel = Channel };
}

/// <summary>The case has no address on its channel: an agent calls the customer to follow up.</summary>
public sealed record FollowUpByPhone(DateTimeOffset At, long? FollowUpId) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "follow-up.by-phone";
    public override string EventKind => CaseEventKinds.FollowUpSent;
    public override object AuditDetail(long? messageId) => new { followUpId = FollowUpId, why = "the case has no address on its channel: an agent calls the customer" };
    public override object EventData(long? messageId) => new { followUpId = FollowUpId, channel = (string?)null };
}

/// <summary>The customer (or an agent for them) answered the follow-up.</summary>
public sealed record FollowUpAnswered(string Actor, DateTimeOffset At, long FollowUpId, int Satisfaction, bool Solved, string? Comment) : CaseRecord(Actor, At)
{
    public override string AuditAction => "follow-up.answered";
    public override string EventKind => CaseEventKinds.FollowUpAnswered;
    public override object AuditDetail(long? messageId) => new { followUpId = FollowUpId, satisfaction = Satisfaction, solved = Solved, comment = Comment };
    public override object EventData(long? messageId) => new { followUpId = FollowUpId, satisfaction = Satisfaction, solved = Solved };
}

/// <summary>The sender answered for a queued message: reply.sent, reply.failed, reply.retry, reply.manual ... (<paramref name="Status"/>).</summary>
public sealed record DeliveryRecorded(DateTimeOffset At, string Status, long OutboxId, long MessageId, string Channel, int Attempt, string? ProviderId,
    string? Error, DateTimeOffset? RetryAt, int? Segments) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "reply." + Status;
    public override string EventKind => CaseEventKinds.DeliveryChanged;

    public override object AuditDetail(long? messageId) => new
    {
        outboxId = OutboxId, messageId = MessageId, channel = Channel, attempt = Attempt, providerId = ProviderId, error = Error, retryAt = RetryAt,
        segments = Segments,
    };

    public override object EventData(long? messageId) => new { messageId = MessageId, status = Status, error = Error };
}

/// <summary>The provider reported on a sent message (delivered, undelivered ...).</summary>
public sealed record DeliveryReported(DateTimeOffset At, long MessageId, string ProviderId, string Status, string? Error) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "reply.report";
    public override string EventKind => CaseEventKinds.DeliveryChanged;
    public override object AuditDetail(long? messageId) => new { messageId = MessageId, providerId = ProviderId, status = Status, error = Error };
    public override object EventData(long? messageId) => new { messageId = MessageId, status = Status, error = Error };
}

/// <summary>An automatic reply (receipt, follow-up ...) was queued on <paramref name="Channel"/>.</summary>
public sealed record AutomaticReplyQueued(DateTimeOffset At, string Channel) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "auto-reply.queued";
    public override string EventKind => CaseEventKinds.ReplyQueued;
    public override object AuditDetail(long? messageId) => new { messageId, channel = Channel };
    public override object EventData(long? messageId) => new { messageId, channel = Channel, automatic = true };
}

/// <summary>Too many automatic replies to one recipient lately: this one was not sent (audit only).</summary>
public sealed record AutomaticReplyRateLimited(DateTimeOffset At, string Recipient, long Recent, int Count, TimeSpan Window) : CaseRecord(AuditActors.System, At)
{
    public override string AuditAction => "auto-reply.rate-limited";
    public override object AuditDetail(long? messageId) => new { recipient = Recipient, recent = Recent, count = Count, window = Window.ToString() };
}
