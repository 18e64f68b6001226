using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>Policy 4.1.2: a major case gets a first answer to the customer within 24 hours (wall clock), counted from receipt.</summary>
public sealed class MajorFirstAnswerWindow(DefaultPolicyOptions options)
{
    public DueTime Due(DateTimeOffset receivedAt) =>
        new(DeadlineKind.MajorFirstAnswer, receivedAt + options.MajorFirstAnswer,
            $"policy 4.1.2: a major case gets a first answer within {Spans.Describe(options.MajorFirstAnswer)} of receipt",
            AtRisk.After(receivedAt, options.MajorFirstAnswer, options),
            DeadlineRuleCode.Of("policy.4.1.2.major-first-answer", ("windowMinutes", DeadlineRuleCode.Minutes(options.MajorFirstAnswer))));
}
