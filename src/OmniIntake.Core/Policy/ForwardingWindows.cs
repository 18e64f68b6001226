using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>
/// Policy 5.2.2, the forwarding windows: in working hours, forum posts within 1 hour and everything else within 30
/// minutes (wall clock); on a working day outside working hours, 1 hour after the next start of work; on a day that
/// is not a working day, by the end of that day (the mailbox is watched on holidays).
/// </summary>
public sealed class ForwardingWindows(BusinessCalendar calendar, DefaultPolicyOptions options)
{
    /// <summary>The forwarding owed by a complaint of <paramref name="channel"/> whose clock started at <paramref name="startsAt"/>.</summary>
    public DueTime Due(Channel channel, DateTimeOffset startsAt)
    {
        var day = LocalDays.Of(startsAt, calendar.Zone);
        if (!calendar.IsWorkingDay(day))
        {
            var endOfDay = calendar.EndOfDay(startsAt);
            return new DueTime(DeadlineKind.Forward, endOfDay,
                "policy 5.2.2: received on a day off (weekend or holiday): forward the same day", AtRisk.After(startsAt, endOfDay - startsAt, options),
                DeadlineRuleCode.Of("policy.5.2.2.day-off"));
        }
        if (calendar.IsWorkingTime(startsAt))
        {
            return channel == Channel.Forum
                ? new DueTime(DeadlineKind.Forward, startsAt + options.ForumWindow,
                    $"policy 5.2.2: forum post in working hours: forward within {Spans.Describe(options.ForumWindow)}",
                    AtRisk.After(startsAt, options.ForumWindow, options),
                    DeadlineRuleCode.Of("policy.5.2.2.forum-working-hours", ("windowMinutes", DeadlineRuleCode.Minutes(options.ForumWindow))))
                : new DueTime(DeadlineKind.Forward, startsAt + options.WorkingHoursWindow,
                    $"policy 5.2.2: received in working hours: forward within {Spans.Describe(options.WorkingHoursWindow)}",
                    AtRisk.After(startsAt, options.WorkingHoursWindow, options),
                    DeadlineRuleCode.Of("policy.5.2.2.working-hours", ("windowMinutes", DeadlineRuleCode.Minutes(options.WorkingHoursWindow))));
        }
        var start = calendar.NextStartOfWork(startsAt);
        var localStart = TimeZoneInfo.ConvertTime(start, calendar.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new DueTime(DeadlineKind.Forward, start + options.AfterStartOfWork,
            $"policy 5.2.2: received on a working day outside working hours: forward within {Spans.Describe(options.AfterStartOfWork)} after work starts ({localStart})",
            AtRisk.After(start, options.AfterStartOfWork, options),
            DeadlineRuleCode.Of("policy.5.2.2.off-hours", ("windowMinutes", DeadlineRuleCode.Minutes(options.AfterStartOfWork)), ("start", localStart)));
    }
}
