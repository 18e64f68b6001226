using OmniIntake.Core.Events;

namespace OmniIntake.Core.Cases;

/// <summary>
/// A change of a case, as a typed domain event: who and when, and how it is written to the audit trail and to the
/// event log. The audit details and event payloads are the ones the API and the consoles have always read; a
/// message id is that of the message the change added, known once it is written.
/// </summary>
public abstract record CaseChange(string Actor, DateTimeOffset At, CaseStatus FromStatus)
{
    public abstract string AuditAction { get; }
    public abstract string EventKind { get; }

    public abstract object AuditDetail(long? messageId);

    public abstract object EventData(long? messageId);

    /// <summary>The status after the change.</summary>
    public abstract CaseStatus ToStatus { get; }
}

public sealed record CaseForwarded(string Actor, DateTimeOffset At, CaseStatus FromStatus, long DepartmentId, string Department,
    long? FromDepartmentId, bool Redispatch, string? Note) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.forwarded";
    public override string EventKind => CaseEventKinds.Forwarded;
    public override CaseStatus ToStatus => CaseStatus.Forwarded;

    public override object AuditDetail(long? messageId) => new
    {
        departmentId = DepartmentId, department = Department, fromDepartmentId = FromDepartmentId, redispatch = Redispatch, note = Note,
        fromStatus = FromStatus.ToName(),
    };

    // fromDepartmentId: the owners' live feed tells the department a re-dispatch took the case from.
    public override object EventData(long? messageId) =>
        new { departmentId = DepartmentId, department = Department, redispatch = Redispatch, fromDepartmentId = FromDepartmentId };
}

public sealed record CaseSentBack(string Actor, DateTimeOffset At, CaseStatus FromStatus, string Reason, long? DepartmentId, DateTimeOffset ForwardDueAt)
    : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.sent-back";
    public override string EventKind => CaseEventKinds.SentBack;
    public override CaseStatus ToStatus => CaseStatus.Received;
    public override object AuditDetail(long? messageId) => new { reason = Reason, departmentId = DepartmentId, forwardDueAt = ForwardDueAt };

    // departmentId: the department that sent it back (the owners' live feed tells it the case left).
    public override object EventData(long? messageId) => new { reason = Reason, departmentId = DepartmentId };
}

public sealed record CaseReopened(string Actor, DateTimeOffset At, CaseStatus FromStatus, string Reason, DateTimeOffset ForwardDueAt)
    : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.reopened";
    public override string EventKind => CaseEventKinds.Reopened;
    public override CaseStatus ToStatus => CaseStatus.Received;
    public override object AuditDetail(long? messageId) => new { fromStatus = FromStatus.ToName(), reason = Reason, forwardDueAt = ForwardDueAt };
    public override object EventData(long? messageId) => new { reason = Reason };
}

public sealed record CaseResolved(string Actor, DateTimeOffset At, CaseStatus FromStatus, string? Note) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.resolved";
    public override string EventKind => CaseEventKinds.Resolved;
    public override CaseStatus ToStatus => CaseStatus.Resolved;
    public override object AuditDetail(long? messageId) => new { fromStatus = FromStatus.ToName(), note = Note };
    public override object EventData(long? messageId) => new { };
}

public sealed record CaseClosed(string Actor, DateTimeOffset At, CaseStatus FromStatus, string? Note) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.closed";
    public override string EventKind => CaseEventKinds.Closed;
    public override CaseStatus ToStatus => CaseStatus.Closed;
    public override object AuditDetail(long? messageId) => new { note = Note };
    public override object EventData(long? messageId) => new { };
}

public sealed record CaseAnswered(string Actor, DateTimeOffset At, CaseStatus FromStatus) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.answered";
    public override string EventKind => CaseEventKinds.Answered;
    public override CaseStatus ToStatus => CaseStatus.Answered;
    public override object AuditDetail(long? messageId) => new { messageId, fromStatus = FromStatus.ToName() };
    public override object EventData(long? messageId) => new { messageId };
}
