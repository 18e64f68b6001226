using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Policy;

/// <summary>The default policy's table (issue 6), row by row, in the organisation's zone.</summary>
public sealed class DefaultDeadlinePolicyTests
{
    private static readonly DefaultDeadlinePolicy Policy = new(BusinessCalendar.ChinaDefault());

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Channel.Forum, "2026-11-24T10:00:00", "2026-11-24T11:00:00")]  // working hours, forum: +1 h
    [InlineData(Channel.Email, "2026-11-24T10:00:00", "2026-11-24T10:30:00")]  // working hours, any other: +30 min
    [InlineData(Channel.Sms, "2026-11-24T17:50:00", "2026-11-24T18:20:00")]    // wall clock, past the close
    [InlineData(Channel.Email, "2026-11-24T07:00:00", "2026-11-24T10:00:00")]  // working day before work: start + 1 h
    [InlineData(Channel.Forum, "2026-11-24T21:00:00", "2026-11-25T10:00:00")]  // working day after work: next start + 1 h
    [InlineData(Channel.Email, "2026-11-28T15:00:00", "2026-11-28T23:59:59")]  // Saturday: end of that day
    [InlineData(Channel.Chat, "2026-10-03T09:30:00", "2026-10-03T23:59:59")]   // a holiday: end of that day
    [InlineData(Channel.Sms, "2026-09-20T10:00:00", "2026-09-20T10:30:00")]    // a make-up Sunday is a working day
    [InlineData(Channel.Email, "2026-09-30T22:00:00", "2026-10-08T10:00:00")]  // working day evening before the holiday week
    public void Forwarding_FollowsTheTable(Channel channel, string received, string due) =>
        Assert.Equal(At(due), Policy.Forwarding(channel, At(received)).DueAt);

    [Fact]
    public void EachDeadline_SaysWhichRuleSetIt()
    {
        Assert.Contains("day off", Policy.Forwarding(Channel.Email, At("2026-11-28T15:00:00")).Rule, StringComparison.Ordinal);
        Assert.Contains("forum post in working hours", Policy.Forwarding(Channel.Forum, At("2026-11-24T10:00:00")).Rule, StringComparison.Ordinal);
        Assert.Contains("outside working hours", Policy.Forwarding(Channel.Sms, At("2026-11-24T20:00:00")).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_AreDueFourWorkingHoursAfterForwarding()
    {
        var owner = Policy.Answer(Channel.Email, At("2026-11-27T16:00:00"));
        var forum = Policy.Answer(Channel.Forum, At("2026-11-24T10:00:00"));

        Assert.Equal((DeadlineKind.OwnerAnswer, At("2026-11-30T11:00:00")), (owner.Kind, owner.DueAt));
        Assert.Equal((DeadlineKind.PublicReply, At("2026-11-24T14:00:00")), (forum.Kind, forum.DueAt));
    }

    [Theory]
    [InlineData(Channel.Email, "2026-11-24T10:00:00", "2026-11-24T10:24:00")] // 80% of 30 minutes
    [InlineData(Channel.Forum, "2026-11-24T10:00:00", "2026-11-24T10:48:00")] // 80% of 1 hour
    [InlineData(Channel.Sms, "2026-11-24T21:00:00", "2026-11-25T09:48:00")]   // 80% of the hour after work starts, not of the night
    public void Forwarding_IsAtRisk_AfterEightyPercentOfItsWindow(Channel channel, string received, string warn) =>
        Assert.Equal(At(warn), Policy.Forwarding(channel, At(received)).WarnAt);

    [Fact]
    public void OwnersAnswer_IsAtRisk_AfterEightyPercentOfItsWorkingTime() =>
        // Friday 16:00 + 3h12m of working time = Monday 10:12.
        Assert.Equal(At("2026-11-30T10:12:00"), Policy.Answer(Channel.Email, At("2026-11-27T16:00:00")).WarnAt);

    [Fact]
    public void AtRiskShare_OutsideZeroToOne_IsRefused() =>
        Assert.Contains(new DefaultPolicyOptions { AtRiskShare = 1.2 }.Validate(), e => e.Contains("AtRiskShare", StringComparison.Ordinal));

    [Fact]
    public void MajorCase_FirstAnswer_Is24WallClockHoursAfterReceipt() =>
        Assert.Equal(At("2026-11-29T15:00:00"), Policy.MajorFirstAnswer(At("2026-11-28T15:00:00")).DueAt);
}
