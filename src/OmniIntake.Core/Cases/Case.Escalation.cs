using OmniIntake.Core.Assignment;
using OmniIntake.Core.Deadlines;
using OmniIntake.Core.Escalation;
using OmniIntake.Core.Policy;

namespace OmniIntake.Core.Cases;

/// <summary>Escalation of a clock at risk or breached (issue 13 item 5).</summary>
public sealed partial class Case
{
    /// <summary>
    /// What <paramref name="rule"/> does to this case now that its <paramref name="clock"/> reached the rule's phase: a
    /// general case becomes important (policy 5.5: a raise never lowers, and a class a person set stays theirs), and the
    /// case goes to the named supervisor, who must exist, hold the supervisor role and still have an account; otherwise
    /// the assignment is refused with a code and the rest still happens (a breach is never dropped for a wrong name).
    /// </summary>
    /// <param name="holder">Who holds the case now (an escalation takes it from them).</param>
    /// <param name="supervisor">The rule's supervisor as the accounts know them; null: no such user.</param>
    /// <param name="classByHand">A person set the class: a rule does not change it.</param>
    public EscalationDecision Escalate(EscalationRule rule, DeadlineKind clock, string? holder, Assignee? supervisor, bool classByHand, DateTimeOffset now)
    {
        if (rule.Clock != clock) throw new ArgumentException($"The rule is for {rule.Clock.ToName()}, not {clock.ToName()}.", nameof(rule));
        ClassRaise? raise = null;
        if (rule.RaiseClass && !classByHand && Class == CaseClass.General)
        {
            raise = new ClassRaise(CaseClass.Important, $"escalated: {rule.Describe()}");
            _class = CaseClass.Important;
        }
        CaseAssigned? assigned = null;
        string? refused = null;
        var open = CaseLifecycle.IsOpen(Status);
        if (rule.AssignTo is not null && open)
        {
            refused = EscalationRule.SupervisorProblem(supervisor);
            if (refused is null && holder != supervisor!.Username)
                assigned = new CaseAssigned(CaseAssigned.SystemActor, now, Status, holder, supervisor.Username, supervisor.DisplayName,
                    $"escalated: {rule.Describe()}", Automatic: true);
        }
        return new EscalationDecision(rule, clock, now, raise, Class, assigned, refused);
    }
}

/// <summary>
/// What an escalation did: the class raised (or not), the case given to a supervisor (or the code of why not). The
/// notice to supervisors is the rule's <see cref="EscalationRule.Notify"/>; Data sends it.
/// </summary>
public sealed record EscalationDecision(EscalationRule Rule, DeadlineKind Clock, DateTimeOffset At, ClassRaise? Raise, CaseClass ClassAfter,
    CaseAssigned? Assigned, string? AssignRefusedCode);
