using OmniIntake.Core.Calendar;
using OmniIntake.Core.Cases;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Policy;

/// <summary>
/// Each policy gives its due time's rule as a stable code with parameters (issue 14), stored with the deadline (issue 13
/// item 2): the workspace says it in the user's language.
/// </summary>
public sealed class DeadlineRuleCodeTests
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
        var parsed = Policy.Forwarding(channel, At(received)).Code;
        Assert.Equal(code, parsed.Code);
        Assert.Equal(windowMinutes, parsed.Parameters.TryGetValue("windowMinutes", out var w) ? (int)w : null);
    }

    [Fact]
    public void OffHours_CarriesWhenWorkStarts()
    {
        var parsed = Policy.Forwarding(Channel.Sms, At("2026-11-24T20:00:00")).Code;
        Assert.Equal("2026-11-25 09:00", parsed.Parameters["start"]);
    }

    [Fact]
    public void Answers_CarryTheirSpan_InWorkingTimeOrDays()
    {
        var owner = Policy.Answer(Channel.Email, At("2026-11-24T10:00:00")).Code;
        Assert.Equal("policy.5.2.5.owner-answer", owner.Code);
        Assert.Equal(240, owner.Parameters["minutes"]);
        Assert.Equal(1, owner.Parameters["working"]);

        var forum = Policy.Answer(Channel.Forum, At("2026-11-24T10:00:00")).Code;
        Assert.Equal("policy.5.3.1.public-reply", forum.Code);

        var hospital = new DefaultDeadlinePolicy(Calendar, new DefaultPolicyOptions { AnswerWorkingDays = 2, AnswerSource = "医院规定" });
        var days = hospital.Answer(Channel.Email, At("2026-11-24T10:00:00")).Code;
        Assert.Equal("custom.answer", days.Code);
        Assert.Equal(2, days.Parameters["workingDays"]);
        Assert.Equal("医院规定", days.Parameters["source"]);
    }

    [Fact]
    public void MajorFirstAnswer_AndFixedWindows_HaveCodes()
    {
        var major = Policy.MajorFirstAnswer(At("2026-11-24T10:00:00")).Code;
        Assert.Equal("policy.4.1.2.major-first-answer", major.Code);
        Assert.Equal(1440, major.Parameters["windowMinutes"]);

        var fixedPolicy = new FixedWindowPolicy(TimeSpan.FromMinutes(5));
        Assert.Equal("fixed.forward", fixedPolicy.Forwarding(Channel.Chat, At("2026-11-24T10:00:00")).Code.Code);
        Assert.Equal("fixed.answer", fixedPolicy.Answer(Channel.Chat, At("2026-11-24T10:00:00")).Code.Code);
        var first = fixedPolicy.MajorFirstAnswer(At("2026-11-24T10:00:00")).Code;
        Assert.Equal("fixed.first-answer", first.Code);
        Assert.Equal(5, first.Parameters["windowMinutes"]);
    }

    [Fact]
    public void ADueTimeFromAPolicyThatGivesNoCode_IsUnknown_NotAGuess()
    {
        var at = At("2026-11-24T10:00:00");
        Assert.Equal(DeadlineRuleCode.UnknownCode, new DueTime(Core.Deadlines.DeadlineKind.Forward, at, "someone's own words", at).Code.Code);
    }

    [Fact]
    public void AnAnswerInWallClockTime_SaysSo()
    {
        var week = new DefaultDeadlinePolicy(Calendar, new DefaultPolicyOptions { AnswerCalendarTime = TimeSpan.FromDays(7) });
        var code = week.Answer(Channel.Email, At("2026-11-24T10:00:00")).Code;
        Assert.Equal(("policy.5.2.5.owner-answer", 10080, 0), (code.Code, code.Parameters["minutes"], code.Parameters["working"]));
    }
}
