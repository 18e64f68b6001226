using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>
/// A due time with the rule that set it, so a supervisor sees why a case is due when it is, and the moment it is at
/// risk (a configurable share of its window, default 80%).
/// </summary>
public sealed record DueTime(DeadlineKind Kind, DateTimeOffset DueAt, string Rule, DateTimeOffset WarnAt);

/// <summary>Maps a channel and a time of receipt to the deadlines a complaint owes.</summary>
public interface IDeadlinePolicy
{
    /// <summary>The forwarding deadline (policy 5.2.2).</summary>
    DueTime Forwarding(Channel channel, DateTimeOffset receivedAt);

    /// <summary>The owner's written answer after forwarding (5.2.5), or the forum's public reply (5.3.1).</summary>
    DueTime Answer(Channel channel, DateTimeOffset forwardedAt);

    /// <summary>The first answer to the customer on a major case (4.1.2).</summary>
    DueTime MajorFirstAnswer(DateTimeOffset receivedAt);
}

/// <summary>
/// PRODUCT.md's default policy, precisely (issue 6):
/// in working hours, forum posts within 1 hour and everything else within 30 minutes (wall clock); on a working day
/// outside working hours, 1 hour after the next start of work; on a day that is not a working day, by the end of
/// that day (the mailbox is watched on holidays). Answers are due 4 WORKING hours after forwarding; a major case's
/// first answer 24 hours (wall clock) after receipt.
/// </summary>
public sealed class DefaultDeadlinePolicy(BusinessCalendar calendar, DefaultPolicyOptions? options = null) : IDeadlinePolicy
{
    private readonly DefaultPolicyOptions _options = options ?? new DefaultPolicyOptions();

    public DueTime Forwarding(Channel channel, DateTimeOffset receivedAt)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, calendar.Zone).DateTime);
        if (!calendar.IsWorkingDay(day))
        {
            var endOfDay = calendar.EndOfDay(receivedAt);
            return new DueTime(DeadlineKind.Forward, endOfDay,
                "policy 5.2.2: received on a day off (weekend or holiday): forward the same day", Share(receivedAt, endOfDay - receivedAt));
        }
        if (calendar.IsWorkingTime(receivedAt))
        {
            return channel == Channel.Forum
                ? new DueTime(DeadlineKind.Forward, receivedAt + _options.ForumWindow,
                    $"policy 5.2.2: forum post in working hours: forward within {Describe(_options.ForumWindow)}",
                    Share(receivedAt, _options.ForumWindow))
                : new DueTime(DeadlineKind.Forward, receivedAt + _options.WorkingHoursWindow,
                    $"policy 5.2.2: received in working hours: forward within {Describe(_options.WorkingHoursWindow)}",
                    Share(receivedAt, _options.WorkingHoursWindow));
        }
        var start = calendar.NextStartOfWork(receivedAt);
        return new DueTime(DeadlineKind.Forward, start + _options.AfterStartOfWork,
            $"policy 5.2.2: received on a working day outside working hours: forward within {Describe(_options.AfterStartOfWork)} after work starts ({TimeZoneInfo.ConvertTime(start, calendar.Zone):yyyy-MM-dd HH:mm})",
            Share(start, _options.AfterStartOfWork));
    }

    public DueTime Answer(Channel channel, DateTimeOffset forwardedAt)
    {
        if (_options.AnswerCalendarTime is { } wallClock)
            return AnswerDue(channel, forwardedAt + wallClock, Share(forwardedAt, wallClock), Describe(wallClock));
        var working = _options.AnswerWorkingDays is { } days ? WorkingDayLength() * days : _options.AnswerWorkingTime;
        var due = calendar.AddWorkingDuration(forwardedAt, working);
        // At risk after the same share of WORKING time, not of the nights and weekends in between.
        var warn = calendar.AddWorkingDuration(forwardedAt, working * _options.AtRiskShare);
        var span = _options.AnswerWorkingDays is { } n ? $"{n} working day{(n == 1 ? "" : "s")}" : $"{Describe(working)} of working time";
        return AnswerDue(channel, due, warn, span);
    }

    private DueTime AnswerDue(Channel channel, DateTimeOffset due, DateTimeOffset warn, string span) =>
        channel == Channel.Forum
            ? new DueTime(DeadlineKind.PublicReply, due, $"{_options.AnswerSource ?? "policy 5.3.1: public forum reply"} within {span} after forwarding", warn)
            : new DueTime(DeadlineKind.OwnerAnswer, due,
                $"{_options.AnswerSource ?? "policy 5.2.5: the owner's written answer"} within {span} after forwarding", warn);

    private TimeSpan WorkingDayLength() => calendar.Periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));

    public DueTime MajorFirstAnswer(DateTimeOffset receivedAt) =>
        new(DeadlineKind.MajorFirstAnswer, receivedAt + _options.MajorFirstAnswer,
            $"policy 4.1.2: a major case gets a first answer within {Describe(_options.MajorFirstAnswer)} of receipt",
            Share(receivedAt, _options.MajorFirstAnswer));

    private DateTimeOffset Share(DateTimeOffset start, TimeSpan window) => start + window * _options.AtRiskShare;

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 60 } => $"{span.TotalMinutes:0} minutes",
        { TotalDays: >= 2 } when span.TotalDays % 1 == 0 => $"{span.TotalDays:0} days",
        { TotalHours: 1 } => "1 hour",
        _ when span.TotalHours % 1 == 0 => $"{span.TotalHours:0} hours",
        _ => $"{span.TotalMinutes:0} minutes",
    };
}

/// <summary>The numbers of the default policy; an organisation can say otherwise in configuration ("Policy").</summary>
public sealed class DefaultPolicyOptions
{
    public TimeSpan WorkingHoursWindow { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ForumWindow { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan AfterStartOfWork { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan AnswerWorkingTime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Answers due after this many working days (each as long as the calendar's working day) instead.</summary>
    public int? AnswerWorkingDays { get; set; }

    /// <summary>Answers due after this wall-clock time instead ("within a week", "at most 3 days").</summary>
    public TimeSpan? AnswerCalendarTime { get; set; }

    /// <summary>Whose rule the answer deadline is, as shown with it; null is this product's policy 5.2.5 (and 5.3.1 for forums).</summary>
    public string? AnswerSource { get; set; }
    public TimeSpan MajorFirstAnswer { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The share of a window after which a deadline is at risk (issue 6: default 80%).</summary>
    public double AtRiskShare { get; set; } = 0.8;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, value) in new[]
                 {
                     ("WorkingHoursWindow", WorkingHoursWindow), ("ForumWindow", ForumWindow), ("AfterStartOfWork", AfterStartOfWork),
                     ("AnswerWorkingTime", AnswerWorkingTime), ("MajorFirstAnswer", MajorFirstAnswer),
                 })
        {
            if (value <= TimeSpan.Zero) errors.Add($"Policy:{name} must be positive (got '{value}').");
        }
        if (AnswerWorkingDays is <= 0) errors.Add($"Policy:Default:AnswerWorkingDays must be positive (got {AnswerWorkingDays}).");
        if (AnswerCalendarTime is { } calendarTime && calendarTime <= TimeSpan.Zero)
            errors.Add($"Policy:Default:AnswerCalendarTime must be positive (got '{calendarTime}').");
        if (AnswerWorkingDays is not null && AnswerCalendarTime is not null)
            errors.Add("Policy:Default: give AnswerWorkingDays or AnswerCalendarTime, not both.");
        if (AtRiskShare is <= 0 or >= 1 || double.IsNaN(AtRiskShare))
            errors.Add($"Policy:Default:AtRiskShare must be between 0 and 1, exclusive (got {AtRiskShare}).");
        return errors;
    }
}

/// <summary>One fixed window for every complaint, whatever the calendar: for demonstrations and tests of the firing.</summary>
public sealed class FixedWindowPolicy(TimeSpan window, double atRiskShare = 0.8) : IDeadlinePolicy
{
    public DueTime Forwarding(Channel channel, DateTimeOffset receivedAt) =>
        new(DeadlineKind.Forward, receivedAt + window, $"fixed window: forward within {window} of receipt", receivedAt + window * atRiskShare);

    public DueTime Answer(Channel channel, DateTimeOffset forwardedAt) =>
        new(channel == Channel.Forum ? DeadlineKind.PublicReply : DeadlineKind.OwnerAnswer, forwardedAt + window,
            $"fixed window: answer within {window} of forwarding", forwardedAt + window * atRiskShare);

    public DueTime MajorFirstAnswer(DateTimeOffset receivedAt) =>
        new(DeadlineKind.MajorFirstAnswer, receivedAt + window, $"fixed window: first answer within {window} of receipt",
            receivedAt + window * atRiskShare);
}
