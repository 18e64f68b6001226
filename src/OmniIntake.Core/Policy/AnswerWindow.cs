using OmniIntake.Core.Calendar;

namespace OmniIntake.Core.Policy;

/// <summary>
/// The span an answer is owed in after forwarding, shared by the owner's answer (5.2.5) and the forum's public reply
/// (5.3.1): 4 WORKING hours by default, or an organisation's working days or wall-clock time (PolicyPresets).
/// </summary>
internal sealed class AnswerWindow(BusinessCalendar calendar, DefaultPolicyOptions options)
{
    public (DateTimeOffset Due, DateTimeOffset Warn, string Span) After(DateTimeOffset forwardedAt)
    {
        if (options.AnswerCalendarTime is { } wallClock)
            return (forwardedAt + wallClock, AtRisk.After(forwardedAt, wallClock, options), Spans.Describe(wallClock));
        var working = options.AnswerWorkingDays is { } days ? WorkingDayLength() * days : options.AnswerWorkingTime;
        var due = calendar.AddWorkingDuration(forwardedAt, working);
        // At risk after the same share of WORKING time, not of the nights and weekends in between.
        var warn = calendar.AddWorkingDuration(forwardedAt, working * options.AtRiskShare);
        var span = options.AnswerWorkingDays is { } n ? $"{n} working day{(n == 1 ? "" : "s")}" : $"{Spans.Describe(working)} of working time";
        return (due, warn, span);
    }

    /// <summary>The answer's rule code (5.2.5, 5.3.1, or an organisation's own rule named by Policy:Default:AnswerSource) with its span.</summary>
    public DeadlineRuleCode Code(string policyCode)
    {
        (string, object)[] span = options.AnswerCalendarTime is { } wallClock ? [("minutes", DeadlineRuleCode.Minutes(wallClock)), ("working", 0)]
            : options.AnswerWorkingDays is { } days ? [("workingDays", days)]
            : [("minutes", DeadlineRuleCode.Minutes(options.AnswerWorkingTime)), ("working", 1)];
        return options.AnswerSource is { } source ? DeadlineRuleCode.Of("custom.answer", [.. span, ("source", source)]) : DeadlineRuleCode.Of(policyCode, span);
    }

    private TimeSpan WorkingDayLength() => calendar.Periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));
}

/// <summary>The moment a window is at risk: a configurable share of it (issue 6: default 80%).</summary>
internal static class AtRisk
{
    public static DateTimeOffset After(DateTimeOffset start, TimeSpan window, DefaultPolicyOptions options) => start + window * options.AtRiskShare;
}

/// <summary>A span as a rule's text says it: "30 minutes", "1 hour", "4 hours", "7 days".</summary>
internal static class Spans
{
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 60 } => $"{span.TotalMinutes:0} minutes",
        { TotalDays: >= 2 } when span.TotalDays % 1 == 0 => $"{span.TotalDays:0} days",
        { TotalHours: 1 } => "1 hour",
        _ when span.TotalHours % 1 == 0 => $"{span.TotalHours:0} hours",
        _ => $"{span.TotalMinutes:0} minutes",
    };
}
