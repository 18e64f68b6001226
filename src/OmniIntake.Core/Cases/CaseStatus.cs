namespace OmniIntake.Core.Cases;

public enum CaseStatus
{
    Received,
    Forwarded,
    Answered,
    Resolved,
    Closed,
    Withdrawn,

    /// <summary>A duplicate merged into another case, which answers for it from then on.</summary>
    Merged,
}

/// <summary>The allowed moves of a case. A withdrawn case keeps its record (PRODUCT.md principles).</summary>
public static class CaseLifecycle
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Moves = new()
    {
        [CaseStatus.Received] = [CaseStatus.Forwarded, CaseStatus.Resolved, CaseStatus.Withdrawn, CaseStatus.Merged],
        // Back to Received: the owner sent it back as wrongly routed, and the centre forwards it again.
        [CaseStatus.Forwarded] = [CaseStatus.Forwarded, CaseStatus.Answered, CaseStatus.Resolved, CaseStatus.Withdrawn, CaseStatus.Merged, CaseStatus.Received],
        [CaseStatus.Answered] = [CaseStatus.Forwarded, CaseStatus.Resolved, CaseStatus.Withdrawn, CaseStatus.Merged, CaseStatus.Received],
        [CaseStatus.Resolved] = [CaseStatus.Closed, CaseStatus.Received],
        [CaseStatus.Closed] = [CaseStatus.Received],
        [CaseStatus.Withdrawn] = [],
        [CaseStatus.Merged] = [],
    };

    public static bool CanMove(CaseStatus from, CaseStatus to) => Moves[from].Contains(to);

    /// <summary>Open cases take new messages by threading; a message about a resolved, closed or withdrawn case
    /// opens a new case linked to it, so the handled record stays as it was.</summary>
    public static bool IsOpen(CaseStatus status) =>
        status is CaseStatus.Received or CaseStatus.Forwarded or CaseStatus.Answered;

    /// <summary>
    /// Handled for good (closed, withdrawn, merged): nobody's work any more, so it is neither claimed nor assigned, and a
    /// pause it was in ends with it (issue 13 item 1). A resolved case is not: it may still be reopened and followed up.
    /// </summary>
    public static bool IsHandled(CaseStatus status) =>
        status is CaseStatus.Closed or CaseStatus.Withdrawn or CaseStatus.Merged;

    /// <summary>
    /// Whether a collective complaint in this status may gain a complainant (policy 5.5): any case but a withdrawn one,
    /// which owes nobody an answer any more (the rule the parties' command always applied, issue 13 item 1).
    /// </summary>
    public static bool TakesComplainants(CaseStatus status) => status is not CaseStatus.Withdrawn;

    public static IReadOnlyList<string> OpenNames { get; } =
        Enum.GetValues<CaseStatus>().Where(IsOpen).Select(s => s.ToName()).ToArray();

    public static string ToName(this CaseStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out CaseStatus status) =>
        Enum.TryParse(name, ignoreCase: true, out status) && Enum.IsDefined(status);
}
