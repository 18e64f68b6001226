using OmniIntake.Core.Calendar;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>Policy 5.2.5: the department owner sends a written answer to the centre within 4 working hours of receiving the case.</summary>
public sealed class OwnerAnswerWindow(BusinessCalendar calendar, DefaultPolicyOptions options)
{
    private readonly AnswerWindow _window = new(calendar, options);

    public DueTime Due(DateTimeOffset forwardedAt)
    {
        var (due, warn, span) = _window.After(forwardedAt);
        return new DueTime(DeadlineKind.OwnerAnswer, due, $"{options.AnswerSource ?? "policy 5.2.5: the owner's written answer"} within {span} after forwarding", warn,
            _window.Code("policy.5.2.5.owner-answer"));
    }
}
