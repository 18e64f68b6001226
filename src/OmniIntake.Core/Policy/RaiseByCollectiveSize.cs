using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Policy;

/// <summary>Policy 5.5, raising by collective size: a complaint made together by 3 or more people is hot, by 10 or more major.</summary>
public sealed class RaiseByCollectiveSize
{
    public RaiseByCollectiveSize(int hotFrom, int majorFrom)
    {
        if (hotFrom < 2 || majorFrom <= hotFrom)
            throw new ArgumentException($"Raising by collective size needs 2 <= hot ({hotFrom}) < major ({majorFrom}).", nameof(majorFrom));
        HotFrom = hotFrom;
        MajorFrom = majorFrom;
    }

    public static RaiseByCollectiveSize Default { get; } = new(3, 10);

    public int HotFrom { get; }
    public int MajorFrom { get; }

    /// <summary>The class a case with this many complainants (the one who opened it included) is owed, or null.</summary>
    public ClassRaise? For(int complainants) =>
        complainants >= MajorFrom ? Raise(CaseClass.Major, complainants)
        : complainants >= HotFrom ? Raise(CaseClass.Hot, complainants)
        : null;

    private static ClassRaise Raise(CaseClass to, int complainants) =>
        new(to, $"collective complaint by {complainants} complainants (policy 5.5: {to.ToName()})");
}
