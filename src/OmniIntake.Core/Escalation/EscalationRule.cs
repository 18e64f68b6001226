using OmniIntake.Core.Assignment;
using OmniIntake.Core.Deadlines;

namespace OmniIntake.Core.Escalation;

/// <summary>
/// What happens when one kind of clock reaches one phase (issue 13 item 5): supervisors are notified, the class is
/// raised (general → important, never lowered: policy 5.5), and/or the case is given to a named supervisor.
/// </summary>
/// <param name="AssignTo">A supervisor's username (lower case), or null.</param>
public sealed record EscalationRule(DeadlineKind Clock, EscalationPhase On, bool Notify, bool RaiseClass, string? AssignTo)
{
    /// <summary>The rule in words, as the audit keeps it (the workspace says it from the fields in the user's language).</summary>
    public string Describe()
    {
        var actions = new List<string>();
        if (Notify) actions.Add("notify supervisors");
        if (RaiseClass) actions.Add("raise general to important");
        if (AssignTo is not null) actions.Add($"assign to {AssignTo}");
        return $"{Clock.ToName()} {On.ToName()}: {(actions.Count == 0 ? "record only" : string.Join(", ", actions))}";
    }

    /// <summary>Why the named user cannot be given an escalated case (an <see cref="EscalationCodes"/> code), or null: they can.</summary>
    /// <param name="supervisor">The user as the accounts know them; null: there is no such user.</param>
    public static string? SupervisorProblem(Assignee? supervisor) =>
        supervisor is null ? EscalationCodes.SupervisorUnknown
        : !supervisor.IsActive ? EscalationCodes.SupervisorInactive
        : !supervisor.Roles.Contains(Accounts.Roles.Supervisor, StringComparer.Ordinal) ? EscalationCodes.NotASupervisor
        : null;
}
