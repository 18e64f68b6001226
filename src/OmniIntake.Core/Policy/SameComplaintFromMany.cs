using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Policy;

/// <summary>A complaint linked as "the same" as others (by ComplaintSimilarity): who made it and when.</summary>
public sealed record SimilarComplaint(long CaseId, string Number, long ContactId, DateTimeOffset ReceivedAt);

/// <summary>What <see cref="SameComplaintFromMany"/> decided: the complaints within the window, and the raise if owed.</summary>
public sealed record SameComplaintDecision(IReadOnlyList<SimilarComplaint> Window, ClassRaise? Raise);

/// <summary>
/// Policy 5.5: the same complaint from 3 or more different complainants within a month makes every one of those cases
/// hot. Data loads the linked group (the candidates); this rule decides.
/// </summary>
public sealed class SameComplaintFromMany
{
    public SameComplaintFromMany(int hotFrom, TimeSpan within)
    {
        if (hotFrom < 2) throw new ArgumentException($"The same complaint needs at least 2 complainants (got {hotFrom}).", nameof(hotFrom));
        if (within <= TimeSpan.Zero) throw new ArgumentException($"The window must be positive (got {within}).", nameof(within));
        HotFrom = hotFrom;
        Within = within;
    }

    public static SameComplaintFromMany Default { get; } = new(3, TimeSpan.FromDays(30));

    public int HotFrom { get; }
    public TimeSpan Within { get; }

    /// <summary>Decides for the complaint received at <paramref name="receivedAt"/> and the group it was linked into.</summary>
    public SameComplaintDecision Decide(DateTimeOffset receivedAt, IReadOnlyList<SimilarComplaint> group)
    {
        var window = group.Where(m => m.ReceivedAt >= receivedAt - Within && m.ReceivedAt <= receivedAt + Within).ToList();
        var complainants = window.Select(m => m.ContactId).Distinct().Count();
        return complainants < HotFrom
            ? new SameComplaintDecision(window, null)
            : new SameComplaintDecision(window, new ClassRaise(CaseClass.Hot,
                $"the same complaint from {complainants} complainants within {Within.TotalDays:0} days ({Named(window)}; policy 5.5: hot)"));
    }

    /// <summary>How many of the window's case numbers a reason names: it is written to every raised case's history and
    /// sent to supervisors, and an outage's group holds thousands.</summary>
    public const int NumbersNamed = 5;

    private static string Named(List<SimilarComplaint> window)
    {
        var first = window.OrderBy(m => m.ReceivedAt).ThenBy(m => m.CaseId).Take(NumbersNamed).Select(m => m.Number);
        var named = string.Join(", ", first);
        return window.Count > NumbersNamed
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{named} and {window.Count - NumbersNamed:N0} more")
            : named;
    }
}
