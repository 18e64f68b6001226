using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Policy;

/// <summary>The other organisations' answer rules (../shared/seed), as example policies on the China calendar.</summary>
public sealed class PolicyPresetsTests
{
    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("default", "2026-11-27T16:00:00", "2026-11-30T11:00:00")]             // 4 working hours over a weekend
    [InlineData("hospital", "2026-11-27T16:00:00", "2026-12-04T16:00:00")]            // within a week, wall clock
    [InlineData("credit-union", "2026-11-27T16:00:00", "2026-12-02T16:00:00")]        // 3 working days: Mon, Tue, Wed
    [InlineData("property-management", "2026-11-27T16:00:00", "2026-11-30T16:00:00")] // at most 3 days, wall clock
    [InlineData("hotel", "2026-09-29T10:00:00", "2026-10-09T10:00:00")]               // 3 working days across National Day: Sep 30, Oct 8, Oct 9
    public void Answer_FollowsThePresetsRule(string preset, string forwarded, string due)
    {
        Assert.True(PolicyPresets.TryCreate(preset, out var options));
        var answer = new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault(), options).Answer(Channel.Email, At(forwarded));

        Assert.Equal(At(due), answer.DueAt);
        Assert.Equal(DeadlineKind.OwnerAnswer, answer.Kind);
        Assert.True(answer.WarnAt > At(forwarded) && answer.WarnAt < answer.DueAt);
    }

    [Fact]
    public void PresetRules_SayWhoseRuleItIs_AndForumsStillOweAPublicReply()
    {
        Assert.True(PolicyPresets.TryCreate("hospital", out var options));
        var policy = new DefaultDeadlinePolicy(BusinessCalendar.ChinaDefault(), options);

        Assert.StartsWith("hospital:", policy.Answer(Channel.Sms, At("2026-11-24T10:00:00")).Rule, StringComparison.Ordinal);
        Assert.Equal(DeadlineKind.PublicReply, policy.Answer(Channel.Forum, At("2026-11-24T10:00:00")).Kind);
        Assert.False(PolicyPresets.TryCreate("bank", out _));
    }

    [Fact]
    public void BothAnswerSpans_AreRefused()
    {
        var options = new DefaultPolicyOptions { AnswerWorkingDays = 3, AnswerCalendarTime = TimeSpan.FromDays(3) };
        Assert.Contains(options.Validate(), e => e.Contains("not both", StringComparison.Ordinal));
        Assert.NotEmpty(new DefaultPolicyOptions { AnswerWorkingDays = 0 }.Validate());
    }
}
