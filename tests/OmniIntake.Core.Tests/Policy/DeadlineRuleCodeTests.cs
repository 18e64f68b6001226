using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Policy;

/// <summary>
/// The policies' rule texts read back into stable codes (issue 14), taken from what the policies themselves write, so a
/// change of wording that the codes no longer recognise fails here rather than showing "unknown" to a user.
/// </summary>
public sealed class DeadlineRuleCodesTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.ChinaDefault();
    private static readonly DefaultDeadlinePolicy Policy = new(Calendar);

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Channel.Email, "2026-11-28T15:00:00", "policy.5.2.2.day-off", null)]
    [InlineData(Channel.Forum, "2026-11-24T10:00:00", "policy.5.2.2.forum-working-hours", 60)]
    [InlineData(Channel.Chat, "2026-11-24T10:00:00", "policy.5.2.2.working-hours", 30)]
    [InlineData(Channel.Sms, "2026-11-24T20:00:00", "policy.5.2.2.off-hours", 60)]
    public void Forwarding_HasTheCodeOfItsRule(Channel channel, string received, string code, int? windowMinutes)
    {
        var parsed = DeadlineRuleCodes.Parse(Policy.Forwarding(channel, At(received)).Rule);
        Assert.Equal(code, parsed.Code);
        Assert.Equal(windowMinutes, parsed.Parameters.TryGetValue("windowMinutes", out var w) ? (int)w : null);
    }

    [Fact]
    public void OffHours_CarriesWhenWorkStarts()
    {
        var parsed = DeadlineRuleCodes.Parse(Policy.Forwarding(Channel.Sms, At("2026-11-24T20:00:00")).Rule);
        Assert.Equal("2026-11-25 09:00", parsed.Parameters["start"]);
    }

    [Fact]
    public void Answers_CarryTheirSpan_InWorkingTimeOrDays()
    {
        var owner = DeadlineRuleCodes.Parse(Policy.Answer(Channel.Email, At("2026-11-24T10:00:00")).Rule);
        Assert.Equal("policy.5.2.5.owner-answer", owner.Code);
        Assert.Equal(240, owner.Parameters["minutes"]);
        Assert.Equal(1, owner.Parameters["working"]);

        var forum = DeadlineRuleCodes.Parse(Policy.Answer(Channel.Forum, At("2026-11-24T10:00:00")).Rule);
        Assert.Equal("policy.5.3.1.public-reply", forum.Code);

        var hospital = new DefaultDeadlinePolicy(Calendar, new DefaultPolicyOptions { AnswerWorkingDays = 2, AnswerSource = "医院规定" });
        var days = DeadlineRuleCodes.Parse(hospital.Answer(Channel.Email, At("2026-11-24T10:00:00")).Rule);
        Assert.Equal("custom.answer", days.Code);
        Assert.Equal(2, days.Parameters["workingDays"]);
        Assert.Equal("医院规定", days.Parameters["source"]);
    }

    [Fact]
    public void MajorFirstAnswer_AndFixedWindows_HaveCodes()
    {
        var major = DeadlineRuleCodes.Parse(Policy.MajorFirstAnswer(At("2026-11-24T10:00:00")).Rule);
        Assert.Equal("policy.4.1.2.major-first-answer", major.Code);
        Assert.Equal(1440, major.Parameters["windowMinutes"]);

        var fixedPolicy = new FixedWindowPolicy(TimeSpan.FromMinutes(5));
        Assert.Equal("fixed.forward", DeadlineRuleCodes.Parse(fixedPolicy.Forwarding(Channel.Chat, At("2026-11-24T10:00:00")).Rule).Code);
        Assert.Equal("fixed.answer", DeadlineRuleCodes.Parse(fixedPolicy.Answer(Channel.Chat, At("2026-11-24T10:00:00")).Rule).Code);
        var first = DeadlineRuleCodes.Parse(fixedPolicy.MajorFirstAnswer(At("2026-11-24T10:00:00")).Rule);
        Assert.Equal("fixed.first-answer", first.Code);
        Assert.Equal(5, first.Parameters["windowMinutes"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("someone's own words")]
    public void AnUnknownText_IsUnknown_NotAGuess(string? text) => Assert.Equal(DeadlineRuleCodes.Unknown, DeadlineRuleCodes.Parse(text).Code);
}
