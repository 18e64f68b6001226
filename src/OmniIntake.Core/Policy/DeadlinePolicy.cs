using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>
/// A due time with the rule that set it, so a supervisor sees why a case is due when it is, and the moment it is at
/// risk (a configurable share of its window, default 80%). <see cref="Code"/> is the rule as a stable code with its
/// parameters, stored with the deadline (issue 13 item 2); a policy that gives none is <see cref="DeadlineRuleCode.Unknown"/>.
/// </summary>
public sealed record DueTime(DeadlineKind Kind, DateTimeOffset DueAt, string Rule, DateTimeOffset WarnAt, DeadlineRuleCode? RuleCode = null)
{
    public DeadlineRuleCode Code => RuleCode ?? DeadlineRuleCode.Unknown;
}

/// <summary>Maps a channel and a time of receipt to the deadlines a complaint owes.</summary>
public interface IDeadlinePolicy
{
    /// <summary>The forwarding deadline (policy 5.2.2).</summary>
    DueTime Forwarding(Channel channel, DateTimeOffset receivedAt);

    /// <summary>The owner's written answer after forwarding (5.2.5), or the forum's public reply (5.3.1).</summary>
    DueTime Answer(Channel channel, DateTimeOffset forwardedAt);

    /// <summary>The first answer to the customer on a major case (4.1.2).</summary>
    DueTime MajorFirstAnswer(DateTimeOffset receivedAt);

    /// <summary>What a clock due at <paramref name="dueAt"/> has left when it is paused at <paramref name="at"/> (issue 13), in the
    /// measure it runs on; wall-clock time unless the policy measures working time (<see cref="PausedClockWindow"/>).</summary>
    TimeSpan Remaining(DeadlineKind kind, DateTimeOffset at, DateTimeOffset dueAt) => PausedClockWindow.WallClockRemaining(at, dueAt);

    /// <summary>The due time of a paused clock resumed at <paramref name="resumedAt"/> with <paramref name="remaining"/> left.</summary>
    DueTime Resumed(DeadlineKind kind, DateTimeOffset resumedAt, TimeSpan remaining) => PausedClockWindow.WallClock(kind, resumedAt, remaining, 0.8);
}

/// <summary>
/// PRODUCT.md's default policy (issue 6), composed of its named rules: <see cref="ForwardingWindows"/> (5.2.2),
/// <see cref="OwnerAnswerWindow"/> (5.2.5), <see cref="ForumPublicReplyWindow"/> (5.3.1) and
/// <see cref="MajorFirstAnswerWindow"/> (4.1.2). Answers are due 4 WORKING hours after forwarding; a major case's first
/// answer 24 hours (wall clock) after receipt.
/// </summary>
public sealed class DefaultDeadlinePolicy : IDeadlinePolicy
{
    private readonly ForwardingWindows _forwarding;
    private readonly OwnerAnswerWindow _ownerAnswer;
    private readonly ForumPublicReplyWindow _publicReply;
    private readonly MajorFirstAnswerWindow _majorFirstAnswer;
    private readonly PausedClockWindow _paused;

    public DefaultDeadlinePolicy(BusinessCalendar calendar, DefaultPolicyOptions? options = null)
    {
        var numbers = options ?? new DefaultPolicyOptions();
        _forwarding = new ForwardingWindows(calendar, numbers);
        _ownerAnswer = new OwnerAnswerWindow(calendar, numbers);
        _publicReply = new ForumPublicReplyWindow(calendar, numbers);
        _majorFirstAnswer = new MajorFirstAnswerWindow(numbers);
        _paused = new PausedClockWindow(calendar, numbers);
    }

    public DueTime Forwarding(Channel channel, DateTimeOffset receivedAt) => _forwarding.Due(channel, receivedAt);

    public DueTime Answer(Channel channel, DateTimeOffset forwardedAt) =>
        channel == Channel.Forum ? _publicReply.Due(forwardedAt) : _ownerAnswer.Due(forwardedAt);

    public DueTime MajorFirstAnswer(DateTimeOffset receivedAt) => _majorFirstAnswer.Due(receivedAt);

    public TimeSpan Remaining(DeadlineKind kind, DateTimeOffset at, DateTimeOffset dueAt) => _paused.Remaining(kind, at, dueAt);

    public DueTime Resumed(DeadlineKind kind, DateTimeOffset resumedAt, TimeSpan remaining) => _paused.Resumed(kind, resumedAt, remaining);
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
        new(DeadlineKind.Forward, receivedAt + window, $"fixed window: forward within {window} of receipt", receivedAt + window * atRiskShare,
            Fixed("fixed.forward"));

    public DueTime Answer(Channel channel, DateTimeOffset forwardedAt) =>
        new(channel == Channel.Forum ? DeadlineKind.PublicReply : DeadlineKind.OwnerAnswer, forwardedAt + window,
            $"fixed window: answer within {window} of forwarding", forwardedAt + window * atRiskShare, Fixed("fixed.answer"));

    public DueTime MajorFirstAnswer(DateTimeOffset receivedAt) =>
        new(DeadlineKind.MajorFirstAnswer, receivedAt + window, $"fixed window: first answer within {window} of receipt",
            receivedAt + window * atRiskShare, Fixed("fixed.first-answer"));

    private DeadlineRuleCode Fixed(string code) => DeadlineRuleCode.Of(code, ("windowMinutes", (int)window.TotalMinutes));

    public DueTime Resumed(DeadlineKind kind, DateTimeOffset resumedAt, TimeSpan remaining) =>
        PausedClockWindow.WallClock(kind, resumedAt, remaining, atRiskShare);
}
