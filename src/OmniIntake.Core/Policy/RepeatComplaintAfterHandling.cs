using OmniIntake.Core.Cases;

namespace OmniIntake.Core.Policy;

/// <summary>
/// Policy 5.5: a customer who complains again after their complaint was handled makes the new case important
/// (reported separately in the half-monthly and monthly reports).
/// </summary>
public static class RepeatComplaintAfterHandling
{
    /// <summary>The raise a new case is owed when it follows <paramref name="earlier"/> (the case it is linked to), or null.</summary>
    public static ClassRaise? For(CaseStatus? earlier) =>
        earlier is CaseStatus.Resolved or CaseStatus.Closed
            ? new ClassRaise(CaseClass.Important, "complained again after the earlier case was handled (policy 5.5: important)")
            : null;
}
