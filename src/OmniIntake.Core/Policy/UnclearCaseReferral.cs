using OmniIntake.Core.Calendar;

namespace OmniIntake.Core.Policy;

/// <summary>A time a rule sets that is not (yet) a stored deadline, with the rule that set it.</summary>
public sealed record RuleDue(DateTimeOffset DueAt, string Rule);

/// <summary>
/// Policy 4.1.1: a case whose nature (a valid complaint or not) the agent cannot settle goes to the customer service
/// centre, with the agent's view, within 4 hours of acceptance (4.1.1.1); the centre decides and tells the agent within
/// 4 hours (4.1.1.2). Counted in working time, like the owner's answer (issue 6).
/// </summary>
public sealed class UnclearCaseReferral(BusinessCalendar calendar, TimeSpan? referWithin = null, TimeSpan? decideWithin = null)
{
    private readonly TimeSpan _referWithin = referWithin ?? TimeSpan.FromHours(4);
    private readonly TimeSpan _decideWithin = decideWithin ?? TimeSpan.FromHours(4);

    /// <summary>When the unclear case must be with the centre (4.1.1.1).</summary>
    public RuleDue ReferralDue(DateTimeOffset acceptedAt) =>
        new(calendar.AddWorkingDuration(acceptedAt, _referWithin),
            $"policy 4.1.1.1: an unclear case goes to the centre within {Spans.Describe(_referWithin)} of working time after acceptance");

    /// <summary>When the centre's decision is due back to the agent (4.1.1.2).</summary>
    public RuleDue DecisionDue(DateTimeOffset referredAt) =>
        new(calendar.AddWorkingDuration(referredAt, _decideWithin),
            $"policy 4.1.1.2: the centre decides within {Spans.Describe(_decideWithin)} of working time after the referral");
}
