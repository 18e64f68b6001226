using OmniIntake.Core.Events;

namespace OmniIntake.Core.Cases;

/// <summary>
/// One entry of a case's journal (issue 13 item 7): who and when, the audit action (a stable code of
/// <see cref="HistoryCodes"/>) with its detail, and, when the consoles hear of it live, the event kind with its data.
/// Every audit entry and event of a case is one of these records, written by Data's one writer (CaseJournal); the
/// details and payloads are the JSON the API and the consoles have always read.
/// </summary>
public abstract record CaseRecord(string Actor, DateTimeOffset At)
{
    public abstract string AuditAction { get; }

    /// <summary>The event log's kind, or null: an entry of the audit trail only.</summary>
    public virtual string? EventKind => null;

    /// <param name="messageId">The message the record's change added, known once it is written.</param>
    public abstract object AuditDetail(long? messageId);

    public virtual object EventData(long? messageId) => new { };
}

/// <summary>
/// A change of a case's state, as a typed domain event: a journal record that knows the status before and after, so
/// Data persists it without deciding anything.
/// </summary>
public abstract record CaseChange(string Actor, DateTimeOffset At, CaseStatus FromStatus) : CaseRecord(Actor, At)
{
    public abstract override string EventKind { get; }

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

/// <summary>
/// The class and/or the category changed: set by a person (<paramref name="ByHand"/>) or raised by a rule
/// (<paramref name="Automatic"/>). <paramref name="Raised"/>: the class went up to it (hot and major are told to
/// supervisors, with <paramref name="NotifyReason"/>).
/// </summary>
public sealed record CaseClassified(string Actor, DateTimeOffset At, CaseStatus FromStatus, CaseClass FromClass, CaseClass ToClass, string? FromCategory,
    string? ToCategory, string? Reason, bool ByHand, bool Automatic, CaseClass? Raised, string NotifyReason) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.classified";
    public override string EventKind => CaseEventKinds.Classified;
    public override CaseStatus ToStatus => FromStatus;

    /// <summary>Supervisors hear of a case raised to hot (within a working day) or major (at once), policy 5.5.</summary>
    public bool NotifiesSupervisors => Raised is >= CaseClass.Hot;

    public override object AuditDetail(long? messageId) => Automatic
        ? new { fromClass = FromClass.ToName(), toClass = ToClass.ToName(), reason = Reason, automatic = true }
        : new { fromClass = FromClass.ToName(), toClass = ToClass.ToName(), fromCategory = FromCategory, toCategory = ToCategory, reason = Reason };

    public override object EventData(long? messageId) => new { @class = ToClass.ToName(), category = ToCategory };
}

/// <summary>The duplicate was merged into the case that answers for it (<paramref name="IntoNumber"/>).</summary>
public sealed record CaseMerged(string Actor, DateTimeOffset At, CaseStatus FromStatus, long IntoId, string IntoNumber, string Reason)
    : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.merged";
    public override string EventKind => CaseEventKinds.Merged;
    public override CaseStatus ToStatus => CaseStatus.Merged;
    public override object AuditDetail(long? messageId) => new { into = IntoNumber, intoId = IntoId, reason = Reason };
    public override object EventData(long? messageId) => new { into = IntoNumber, intoId = IntoId };
}

/// <summary>The survivor of a merge took in the duplicate <paramref name="FromNumber"/> and its complainants (<paramref name="Complainants"/>, contact ids).</summary>
public sealed record CaseMergedIn(string Actor, DateTimeOffset At, CaseStatus FromStatus, long FromId, string FromNumber, string Reason,
    IReadOnlyList<long> Complainants) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.merged-in";
    public override string EventKind => CaseEventKinds.FieldsFilled;
    public override CaseStatus ToStatus => FromStatus;
    public override object AuditDetail(long? messageId) => new { from = FromNumber, fromId = FromId, reason = Reason, complainantsAdded = Complainants.Count };
    public override object EventData(long? messageId) => new { mergedIn = FromNumber };
}

/// <summary>A reply was queued for sending on <paramref name="Channel"/> (and to every co-complainant).</summary>
public sealed record CaseReplied(string Actor, DateTimeOffset At, CaseStatus FromStatus, string Channel) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "reply.queued";
    public override string EventKind => CaseEventKinds.ReplyQueued;
    public override CaseStatus ToStatus => FromStatus;
    public override object AuditDetail(long? messageId) => new { messageId, channel = Channel };
    public override object EventData(long? messageId) => new { messageId, channel = Channel };
}

/// <summary>The complaint was withdrawn, with the complainant's reason; the record stays.</summary>
public sealed record CaseWithdrawn(string Actor, DateTimeOffset At, CaseStatus FromStatus, string Reason) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.withdrawn";
    public override string EventKind => CaseEventKinds.Withdrawn;
    public override CaseStatus ToStatus => CaseStatus.Withdrawn;
    public override object AuditDetail(long? messageId) => new { fromStatus = FromStatus.ToName(), reason = Reason };

    // The reason is the complainant's words: kept in the audit trail, not pushed to every console.
    public override object EventData(long? messageId) => new { fromStatus = FromStatus.ToName() };
}
