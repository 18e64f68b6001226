using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Events;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Cases;

/// <summary>The case waits for the customer or for outside expertise; <see cref="Clocks"/> stopped (issue 13).</summary>
public sealed record CasePaused(string Actor, DateTimeOffset At, CaseStatus FromStatus, WaitingFor WaitingFor, string Reason,
    IReadOnlyList<PausedClock> Clocks, CaseClass FromClass, ClassRaise? Raise) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.paused";
    public override string EventKind => CaseEventKinds.Paused;
    public override CaseStatus ToStatus => FromStatus;

    public override object AuditDetail(long? messageId) => new
    {
        waitingFor = WaitingFor.ToName(), reason = Reason,
        clocks = Clocks.Select(c => new { kind = c.Kind.ToName(), remainingSeconds = (long)c.Remaining.TotalSeconds }).ToArray(),
        fromClass = Raise is null ? null : FromClass.ToName(), toClass = Raise?.To.ToName(), raiseReason = Raise?.Reason,
    };

    public override object EventData(long? messageId) => new { waitingFor = WaitingFor.ToName(), @class = Raise?.To.ToName() };
}

/// <summary>The pause ended; <see cref="Clocks"/> run again with what they had left.</summary>
public sealed record CaseResumed(string Actor, DateTimeOffset At, CaseStatus FromStatus, ResumeCause Cause, string? Reason, CasePause Ended,
    IReadOnlyList<StartedClock> Clocks) : CaseChange(Actor, At, FromStatus)
{
    public override string AuditAction => "case.resumed";
    public override string EventKind => CaseEventKinds.Resumed;
    public override CaseStatus ToStatus => FromStatus;

    /// <summary>How long the case waited (wall clock), as the reports count it.</summary>
    public TimeSpan Paused => At - Ended.Since;

    public override object AuditDetail(long? messageId) => new
    {
        cause = Cause.ToName(), reason = Reason, waitingFor = Ended.WaitingFor.ToName(),
        pausedSince = Ended.Since, pausedBy = Ended.By, pausedSeconds = (long)Paused.TotalSeconds,
        clocks = Clocks.Select(c => new { kind = c.Due.Kind.ToName(), dueAt = c.Due.DueAt }).ToArray(),
    };

    public override object EventData(long? messageId) => new { cause = Cause.ToName() };
}
