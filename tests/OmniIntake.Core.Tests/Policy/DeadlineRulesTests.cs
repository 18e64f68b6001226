using OmniIntake.Core.Calendar;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Tests.Policy;

/// <summary>The deadline rules by their names: 5.2.5, 5.3.1, 4.1.1 and 4.1.2, as tables (the forwarding windows: DefaultDeadlinePolicyTests).</summary>
public sealed class DeadlineRulesTests
{
    private static readonly BusinessCalendar China = BusinessCalendar.ChinaDefault();
    private static readonly DefaultPolicyOptions Numbers = new();

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-24T10:00:00", "2026-11-24T14:00:00")]  // 4 working hours
    [InlineData("2026-11-24T16:00:00", "2026-11-25T11:00:00")]  // 2 today, 2 tomorrow
    [InlineData("2026-11-27T16:00:00", "2026-11-30T11:00:00")]  // over the weekend
    [InlineData("2026-11-28T12:00:00", "2026-11-30T13:00:00")]  // forwarded on a Saturday: from Monday's start
    [InlineData("2026-09-30T17:00:00", "2026-10-08T12:00:00")]  // 1 hour before the National Day week, 3 after
    public void OwnerAnswerWindow_FourWorkingHoursAfterForwarding(string forwarded, string due)
    {
        var owed = new OwnerAnswerWindow(China, Numbers).Due(At(forwarded));

        Assert.Equal((DeadlineKind.OwnerAnswer, At(due)), (owed.Kind, owed.DueAt));
        Assert.StartsWith("policy 5.2.5", owed.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00", "2026-11-24T14:00:00")]
    [InlineData("2026-11-24T21:00:00", "2026-11-25T13:00:00")]  // forwarded after work: from the next start
    public void ForumPublicReplyWindow_FourWorkingHoursAfterForwarding(string forwarded, string due)
    {
        var owed = new ForumPublicReplyWindow(China, Numbers).Due(At(forwarded));

        Assert.Equal((DeadlineKind.PublicReply, At(due)), (owed.Kind, owed.DueAt));
        Assert.StartsWith("policy 5.3.1", owed.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00", "2026-11-25T10:00:00")]  // 24 hours, wall clock
    [InlineData("2026-11-28T22:00:00", "2026-11-29T22:00:00")]  // weekends count
    public void MajorFirstAnswerWindow_TwentyFourHoursAfterReceipt(string received, string due)
    {
        var owed = new MajorFirstAnswerWindow(Numbers).Due(At(received));

        Assert.Equal((DeadlineKind.MajorFirstAnswer, At(due)), (owed.Kind, owed.DueAt));
        Assert.StartsWith("policy 4.1.2", owed.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00", "2026-11-24T14:00:00", "2026-11-24T18:00:00")]
    [InlineData("2026-11-24T15:00:00", "2026-11-25T10:00:00", "2026-11-25T14:00:00")]
    [InlineData("2026-11-27T17:00:00", "2026-11-30T12:00:00", "2026-11-30T16:00:00")]
    public void UnclearCaseReferral_ToTheCentreWithinFourHours_DecidedWithinFour(string accepted, string referralDue, string decisionDue)
    {
        var rule = new UnclearCaseReferral(China);

        var referral = rule.ReferralDue(At(accepted));
        var decision = rule.DecisionDue(referral.DueAt);

        Assert.Equal((At(referralDue), At(decisionDue)), (referral.DueAt, decision.DueAt));
        Assert.StartsWith("policy 4.1.1.1", referral.Rule, StringComparison.Ordinal);
        Assert.StartsWith("policy 4.1.1.2", decision.Rule, StringComparison.Ordinal);
    }
}
