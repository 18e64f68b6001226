using OmniIntake.Core.Assignment;

namespace OmniIntake.Core.Cases;

/// <summary>Assignment (issue 15 item 5): who works the case. Claiming (an agent takes a case for themselves) is in Case.Work.cs.</summary>
public sealed partial class Case
{
    public const int MaxAssignmentNoteLength = 1000;

    /// <summary>
    /// Gives the case to <paramref name="assignee"/> (null with <paramref name="requested"/> null: back to the queue).
    /// <paramref name="holder"/> is who holds it now; <paramref name="requested"/> the username asked for, and
    /// <paramref name="assignee"/> that user as the accounts know them (null: no such user). A handled case (closed,
    /// withdrawn, merged) is nobody's work any more and is refused; a resolved one may still be given a follow-up owner.
    /// </summary>
    /// <param name="mayTakeFromOthers">A supervisor (or the system) may take the case from the colleague who holds it; an agent
    /// gives away only a case that is theirs or nobody's (as with claiming, issue 7).</param>
    public AssignmentDecision Assign(string? holder, string? requested, Assignee? assignee, string actor, string? note, DateTimeOffset now,
        bool mayTakeFromOthers, bool automatic = false)
    {
        if (CaseLifecycle.IsHandled(Status))
            return AssignmentDecision.Refused(CommandResult.Conflict($"Case {Number} is {Status.ToName()}: a handled case is not assigned."),
                AssignmentCodes.CaseClosed);
        if (note is { Length: > MaxAssignmentNoteLength })
            return AssignmentDecision.Refused(CommandResult.Invalid($"An assignment note is at most {MaxAssignmentNoteLength} characters (got {note.Length})."),
                AssignmentCodes.NoteTooLong);
        if (holder is not null && holder != actor && !mayTakeFromOthers)
            return AssignmentDecision.Refused(CommandResult.Conflict($"Case {Number} is held by {holder}: only a supervisor reassigns a colleague's case."),
                AssignmentCodes.HeldByOther);
        if (requested is null)
            return holder is null ? AssignmentDecision.Unchanged
                : AssignmentDecision.Made(new CaseAssigned(actor, now, Status, holder, null, null, Blank(note), automatic));
        if (assignee is null) return AssignmentDecision.Refused(CommandResult.Invalid($"There is no user '{requested}'."), AssignmentCodes.UnknownUser);
        if (!assignee.IsActive)
            return AssignmentDecision.Refused(CommandResult.Invalid($"{assignee.Username}'s account has no role any more."), AssignmentCodes.Inactive);
        if (!assignee.IsAgent)
            return AssignmentDecision.Refused(CommandResult.Invalid($"{assignee.Username} is not an agent: only agents are given cases."),
                AssignmentCodes.NotAnAgent);
        if (holder == assignee.Username) return AssignmentDecision.Unchanged;
        return AssignmentDecision.Made(new CaseAssigned(actor, now, Status, holder, assignee.Username, assignee.DisplayName, Blank(note), automatic));
    }

    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
