namespace OmniIntake.Core.Deadlines;

public enum DeadlineKind
{
    /// <summary>Forward the case to the responsible owner (policy 5.2.2).</summary>
    Forward,

    /// <summary>The department owner's written answer to the centre (policy 5.2.5).</summary>
    OwnerAnswer,

    /// <summary>The public reply to a forum complaint, in the centre's name (policy 5.3.1).</summary>
    PublicReply,

    /// <summary>A major case's first answer to the customer (policy 4.1.2).</summary>
    MajorFirstAnswer,
}

public enum DeadlineState
{
    Pending,
    Met,
    Breached,

    /// <summary>No longer owed: the case was merged into another, which owes its own, or withdrawn; or its phase ended.</summary>
    Cancelled,

    /// <summary>Stopped while the case waits for the customer or for outside expertise (issue 13); resumes with the window left.</summary>
    Paused,
}

/// <summary>A due time stored as a row, with the rule that set it, so a supervisor sees why a case is due when it is.</summary>
public sealed record Deadline(long Id, long CaseId, string CaseNumber, DeadlineKind Kind, DateTimeOffset DueAt, string Rule,
    DeadlineState State, DateTimeOffset? ClosedAt, DateTimeOffset? WarnAt = null, DateTimeOffset? WarnedAt = null)
{
    /// <summary>The at-risk warning is still to be given.</summary>
    public bool WarningOwed => State == DeadlineState.Pending && WarnAt is not null && WarnedAt is null;
}

/// <summary>The kinds of clock a case can owe.</summary>
public static class DeadlineKinds
{
    /// <summary>Every kind: a transition that ends the case's duties (merge, withdrawal) cancels all of them.</summary>
    public static IReadOnlyList<DeadlineKind> All { get; } = Enum.GetValues<DeadlineKind>();
}

public static class DeadlineNames
{
    /// <summary>camelCase, as stored and as the API shows it: forward, ownerAnswer, publicReply, majorFirstAnswer.</summary>
    public static string ToName(this DeadlineKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string ToName(this DeadlineState state) => state.ToString().ToLowerInvariant();
}
