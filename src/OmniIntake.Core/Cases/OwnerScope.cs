namespace OmniIntake.Core.Cases;

/// <summary>
/// The cases a department owner may read and act on: the one authorisation check every owner path goes through
/// (issue 12 items 8 and 13). An owner acts only on cases currently forwarded to their own department (forwarded or
/// answered, not sent back, not forwarded elsewhere); an account without a department owns nothing; supervisors and
/// admins act for every department. Case records are confidential (credit union, 6th article).
/// </summary>
public sealed class OwnerScope
{
    private readonly bool _everyDepartment;

    private OwnerScope(long? departmentId, bool everyDepartment)
    {
        DepartmentId = departmentId;
        _everyDepartment = everyDepartment;
    }

    /// <summary>Supervisors and admins.</summary>
    public static OwnerScope EveryDepartment { get; } = new(null, true);

    /// <summary>A complaint owner; <paramref name="departmentId"/> null (no department set) covers no case at all.</summary>
    public static OwnerScope Department(long? departmentId) => new(departmentId, false);

    /// <summary>The owner's department, or null for no department (or every department).</summary>
    public long? DepartmentId { get; }

    /// <summary>True when the scope holds no case (an owner without a department).</summary>
    public bool IsEmpty => !_everyDepartment && DepartmentId is null;

    /// <summary>Whether a case with this department and status is the owner's now.</summary>
    public bool Covers(long? caseDepartmentId, CaseStatus status) =>
        _everyDepartment
        || (DepartmentId is { } mine && caseDepartmentId == mine && status is CaseStatus.Forwarded or CaseStatus.Answered);

    /// <summary>The same rule, for a case status as stored ("forwarded").</summary>
    public bool Covers(long? caseDepartmentId, string status) =>
        Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var parsed) && Covers(caseDepartmentId, parsed);
}
