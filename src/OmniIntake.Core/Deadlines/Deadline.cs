namespace OmniIntake.Core.Deadlines;

public enum DeadlineKind
{
    /// <summary>Forward the case to the responsible owner (policy 5.2.2).</summary>
    Forward,
}

public enum DeadlineState
{
    Pending,
    Met,
    Breached,
}

/// <summary>A due time stored as a row, with the rule that set it, so a supervisor sees why a case is due when it is.</summary>
public sealed record Deadline(long Id, long CaseId, string CaseNumber, DeadlineKind Kind, DateTimeOffset DueAt, string Rule,
    DeadlineState State, DateTimeOffset? ClosedAt);

public static class DeadlineNames
{
    public static string ToName(this DeadlineKind kind) => kind.ToString().ToLowerInvariant();

    public static string ToName(this DeadlineState state) => state.ToString().ToLowerInvariant();
}
