using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Policy;

/// <summary>
/// Policy 5.5, raising by age: a case still unresolved a week after receipt is hot, a month after receipt major
/// (the policy adds "through our fault"; the supervisor lowers a class by hand when it was not).
/// </summary>
public sealed class RaiseByAge
{
    public RaiseByAge(TimeSpan hotAfter, TimeSpan majorAfter)
    {
        if (hotAfter <= TimeSpan.Zero || majorAfter <= hotAfter)
            throw new ArgumentException($"Raising by age needs 0 < hot ({hotAfter}) < major ({majorAfter}).", nameof(majorAfter));
        HotAfter = hotAfter;
        MajorAfter = majorAfter;
    }

    public static RaiseByAge Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(30));

    public TimeSpan HotAfter { get; }
    public TimeSpan MajorAfter { get; }

    /// <summary>Received at or before this instant, an open case is old enough to be hot (what Data loads as candidates).</summary>
    public DateTimeOffset HotIfReceivedBy(DateTimeOffset now) => now - HotAfter;

    public DateTimeOffset MajorIfReceivedBy(DateTimeOffset now) => now - MajorAfter;

    /// <summary>The class an unresolved case received at <paramref name="receivedAt"/> is owed by <paramref name="now"/>, or null.</summary>
    public ClassRaise? For(DateTimeOffset receivedAt, DateTimeOffset now) =>
        receivedAt <= MajorIfReceivedBy(now) ? new ClassRaise(CaseClass.Major, $"unresolved {MajorAfter.TotalDays:0} days after receipt (policy 5.5: major)")
        : receivedAt <= HotIfReceivedBy(now) ? new ClassRaise(CaseClass.Hot, $"unresolved {HotAfter.TotalDays:0} days after receipt (policy 5.5: hot)")
        : null;
}
