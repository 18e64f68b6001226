using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Cases;

/// <summary>Pausing and resuming the case's clocks (issue 13 item 4).</summary>
public sealed partial class Case
{
    private CasePause? _pause;
    private CaseClass _class;

    /// <summary>The class now (a pause for outside expertise raises it, policy 5.5).</summary>
    public CaseClass Class
    {
        get => _class;
        init => _class = value;
    }

    /// <summary>The pause in force, or null.</summary>
    public CasePause? Pause
    {
        get => _pause;
        init => _pause = value;
    }

    /// <summary>The clocks the case owes now (pending), as loaded.</summary>
    public IReadOnlyList<OpenClock> OpenClocks { get; init; } = [];

    /// <summary>The clocks the pause in force stopped, with what each had left, as loaded.</summary>
    public IReadOnlyList<PausedClock> PausedClocks { get; init; } = [];

    /// <summary>
    /// Marks the case as waiting for the customer or for outside expertise: the clocks that may pause
    /// (<paramref name="pausable"/>) stop, each keeping the window it has left. Waiting for outside expertise makes the
    /// case important (<see cref="OutsideExpertiseRaise"/>). An owner acts only on a case forwarded to them now.
    /// </summary>
    public CaseDecision PauseClocks(WaitingFor waitingFor, string reason, OwnerScope owner, string actor, DateTimeOffset now, IDeadlinePolicy policy,
        PausableClocks pausable)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CaseDecision.Refused(CommandResult.Invalid("Say what the case waits for."));
        if (reason.Length > 1000) return CaseDecision.Refused(CommandResult.Invalid($"A reason is at most 1000 characters (got {reason.Length})."));
        if (!CaseLifecycle.IsOpen(Status))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()}; only an open case waits."));
        if (!owner.Covers(DepartmentId, Status)) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is not forwarded to your department."));
        if (_pause is { } current)
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} has waited for the {current.WaitingFor.ToName()} since {current.Since:O}."));
        var stopped = OpenClocks.Where(c => pausable.Contains(c.Kind))
            .Select(c => new PausedClock(c.Kind, policy.Remaining(c.Kind, now, c.DueAt))).ToArray();
        var raise = waitingFor == WaitingFor.Expertise ? OutsideExpertiseRaise.For(Class) : null;
        var change = new CasePaused(actor, now, Status, waitingFor, reason.Trim(), stopped, Class, raise);
        _pause = new CasePause(waitingFor, reason.Trim(), actor, now);
        if (raise is not null) _class = raise.To;
        return CaseDecision.Done(change, ClockChanges.None);
    }

    /// <summary>
    /// Ends the pause: each stopped clock runs again with the window it had left, from now (on the calendar in force
    /// now). The customer's message resumes only a case that waits for the customer; an expert's opinion does not come
    /// with it. A case no longer open (resolved while it waited) owes nothing more: its stopped clocks are cancelled.
    /// </summary>
    public CaseDecision ResumeClocks(ResumeCause cause, string? reason, OwnerScope owner, string actor, DateTimeOffset now, IDeadlinePolicy policy)
    {
        if (_pause is not { } pause) return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is not waiting."));
        if (cause == ResumeCause.CustomerWrote && pause.WaitingFor != WaitingFor.Customer)
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} waits for outside expertise, not for the customer."));
        if (cause == ResumeCause.ByHand && !owner.Covers(DepartmentId, Status))
            return CaseDecision.Refused(CommandResult.Conflict($"Case {Number} is not forwarded to your department."));
        if (reason is { Length: > 1000 }) return CaseDecision.Refused(CommandResult.Invalid($"A reason is at most 1000 characters (got {reason.Length})."));
        var open = CaseLifecycle.IsOpen(Status);
        var started = open
            ? PausedClocks.Select(p =>
            {
                var clock = DeadlineClock.Resumption(p.Kind, now, p.Remaining);
                return new StartedClock(clock, clock.Due(policy, Channel));
            }).ToArray()
            : [];
        var change = new CaseResumed(actor, now, Status, cause, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), pause, started);
        _pause = null;
        return CaseDecision.Done(change, new ClockChanges(started, [], open ? [] : PausedClocks.Select(p => p.Kind).ToArray()));
    }

    /// <summary>
    /// A case that ended (closed, withdrawn, merged) while it waited waits for nothing any more: <paramref name="ending"/>
    /// is followed by the pause's end (cause <see cref="ResumeCause.CaseEnded"/>, the reason the status it ended in), so
    /// the pause row is closed and the reports stop counting it as time paused; the clocks the pause stopped are
    /// cancelled, not resumed (issue 13 item 1).
    /// </summary>
    private CaseDecision EndingThePause(CaseDecision ending, string actor, DateTimeOffset now)
    {
        if (_pause is not { } pause || !CaseLifecycle.IsHandled(Status)) return ending;
        var ended = new CaseResumed(actor, now, Status, ResumeCause.CaseEnded, Status.ToName(), pause, []);
        _pause = null;
        var cancelled = ending.Clocks.Cancelled.Union(PausedClocks.Select(p => p.Kind)).ToArray();
        return ending with { Clocks = ending.Clocks with { Cancelled = cancelled }, Then = [.. ending.Then, ended] };
    }
}
