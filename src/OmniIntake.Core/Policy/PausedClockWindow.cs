using OmniIntake.Core.Calendar;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>
/// Issue 13 (Zammad's "pending", Zendesk's pause events): a clock paused while the case waits for the customer or for
/// outside expertise resumes with the window it had left, measured as the clock runs: WORKING time for the forwarding
/// (5.2.2) and answer windows (5.2.5, 5.3.1), on the calendar in force when it resumes; wall-clock time for the major
/// first answer (4.1.2) and for an answer window an organisation gives in wall-clock time.
/// </summary>
public sealed class PausedClockWindow(BusinessCalendar calendar, DefaultPolicyOptions options)
{
    public bool RunsOnWorkingTime(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Forward => true,
        DeadlineKind.OwnerAnswer or DeadlineKind.PublicReply => options.AnswerCalendarTime is null,
        _ => false,
    };

    public TimeSpan Remaining(DeadlineKind kind, DateTimeOffset at, DateTimeOffset dueAt) =>
        RunsOnWorkingTime(kind) ? calendar.WorkingDurationBetween(at, dueAt) : WallClockRemaining(at, dueAt);

    public DueTime Resumed(DeadlineKind kind, DateTimeOffset resumedAt, TimeSpan remaining)
    {
        if (!RunsOnWorkingTime(kind)) return WallClock(kind, resumedAt, remaining, options.AtRiskShare);
        var left = remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
        return new DueTime(kind, calendar.AddWorkingDuration(resumedAt, left), Rule(kind, left, working: true),
            calendar.AddWorkingDuration(resumedAt, left * options.AtRiskShare), Code(kind, left, working: true));
    }

    public static TimeSpan WallClockRemaining(DateTimeOffset at, DateTimeOffset dueAt) => dueAt > at ? dueAt - at : TimeSpan.Zero;

    /// <summary>A clock measured on the wall clock: due the time left after resumption, at risk after the same share of it.</summary>
    public static DueTime WallClock(DeadlineKind kind, DateTimeOffset resumedAt, TimeSpan remaining, double atRiskShare)
    {
        var left = remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
        return new DueTime(kind, resumedAt + left, Rule(kind, left, working: false), resumedAt + left * atRiskShare, Code(kind, left, working: false));
    }

    /// <summary>clock.resumed with the window left and the policy clause of the clock ("5.2.5").</summary>
    public static DeadlineRuleCode Code(DeadlineKind kind, TimeSpan left, bool working) =>
        DeadlineRuleCode.Of("clock.resumed", ("minutes", DeadlineRuleCode.Minutes(left)), ("working", working ? 1 : 0), ("clock", Clause(kind)));

    private static string Clause(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Forward => "5.2.2",
        DeadlineKind.OwnerAnswer => "5.2.5",
        DeadlineKind.PublicReply => "5.3.1",
        _ => "4.1.2",
    };

    /// <summary>"policy 5.2.5: the owner's written answer: paused, resumed with 4 hours of working time left".</summary>
    public static string Rule(DeadlineKind kind, TimeSpan left, bool working) =>
        $"{Clock(kind)}: paused, resumed with {Spans.Describe(left)}{(working ? " of working time" : "")} left";

    private static string Clock(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Forward => "policy 5.2.2: forwarding",
        DeadlineKind.OwnerAnswer => "policy 5.2.5: the owner's written answer",
        DeadlineKind.PublicReply => "policy 5.3.1: public forum reply",
        _ => "policy 4.1.2: a major case's first answer",
    };
}
