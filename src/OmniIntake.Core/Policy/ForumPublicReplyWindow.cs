using OmniIntake.Core.Calendar;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Policy;

/// <summary>Policy 5.3.1: a forum complaint gets a public reply, in the centre's name (5.3.3), within 4 working hours of being forwarded.</summary>
public sealed class ForumPublicReplyWindow(BusinessCalendar calendar, DefaultPolicyOptions options)
{
    private readonly AnswerWindow _window = new(calendar, options);

    public DueTime Due(DateTimeOffset forwardedAt)
    {
        var (due, warn, span) = _window.After(forwardedAt);
        return new DueTime(DeadlineKind.PublicReply, due, $"{options.AnswerSource ?? "policy 5.3.1: public forum reply"} within {span} after forwarding", warn,
            _window.Code("policy.5.3.1.public-reply"));
    }
}
