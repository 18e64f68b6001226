namespace OmniIntake.Core.Assignment;

/// <summary>
/// A colleague a case may be given to (issue 15 item 5), as the accounts know them. Only an agent holds cases: a
/// supervisor assigns, and may claim for themselves, but is not handed work. An account left with no role at all is
/// one an admin switched off (accounts are never deleted: the audit trail names them).
/// </summary>
public sealed record Assignee(string Username, string DisplayName, IReadOnlyList<string> Roles)
{
    public bool IsActive => Roles.Count > 0;

    public bool IsAgent => Roles.Contains(Accounts.Roles.Agent, StringComparer.Ordinal);
}

/// <summary>The stable codes of an assignment's refusals (ProblemDetails "code"; the workspace says them in the user's language).</summary>
public static class AssignmentCodes
{
    public const string CaseClosed = "assignment.case-closed";
    public const string UnknownUser = "assignment.unknown-user";
    public const string NotAnAgent = "assignment.not-an-agent";
    public const string Inactive = "assignment.inactive-user";
    public const string NoteTooLong = "assignment.note-too-long";
    public const string NotFound = "assignment.case-not-found";
    public const string HeldByOther = "assignment.held-by-other";
}

/// <summary>The answer of <c>Case.Assign</c>: refused with a reason and a code, unchanged (already so), or the change to record.</summary>
public sealed record AssignmentDecision(Cases.CommandResult Result, string? Code, CaseAssigned? Change)
{
    public bool IsDone => Result.IsDone;

    public static AssignmentDecision Unchanged { get; } = new(Cases.CommandResult.Done, null, null);

    public static AssignmentDecision Refused(Cases.CommandResult why, string code) => new(why, code, null);

    public static AssignmentDecision Made(CaseAssigned change) => new(Cases.CommandResult.Done, null, change);
}
