using OmniIntake.Core.Cases;

namespace OmniIntake.Data.Classes;

/// <summary>
/// The complaints of the class sweep's window with their groups of similar complaints and classes, kept in memory
/// between its minutely runs (issue 17 item 6): in an outage each new complaint is alike to thousands in its window, and
/// reading their memberships and the group's members from the database was 70-110 ms per complaint on the scale
/// bench's million cases. The memberships kept are exact while <see cref="Version"/> equals similar_membership's
/// version (every change of membership raises it under its row lock): <see cref="ClassSweep.RecordComparisonAsync"/>
/// checks it under that lock before it links, and reads the window's memberships again when another process or a
/// supervisor changed them. The classes kept may be behind (a case raised elsewhere): a raise re-reads each case
/// under its lock, and a rule only ever raises, so an older class only costs a case looked at again.
/// Not thread-safe: one comparison at a time (<c>SimilarityWindow</c> holds a gate).
/// </summary>
public sealed class KnownGroups
{
    private readonly Dictionary<long, ComplaintText> _complaints = [];
    private readonly Dictionary<long, HashSet<long>> _members = [];

    /// <summary>similar_membership's version the memberships kept are exact for (-1: not known, read them again).</summary>
    public long Version { get; private set; } = -1;

    /// <summary>The window's start: complaints received before it are not kept.</summary>
    public DateTimeOffset From { get; set; } = DateTimeOffset.MaxValue;

    public IEnumerable<ComplaintText> Complaints => _complaints.Values;

    public bool Contains(long caseId) => _complaints.ContainsKey(caseId);

    /// <summary>Keeps a complaint as read (its group, class and contact as they are now), replacing what was kept of it.</summary>
    public void Keep(ComplaintText complaint)
    {
        Forget(complaint.CaseId);
        _complaints[complaint.CaseId] = complaint;
        if (complaint.GroupId is { } group) MembersSet(group).Add(complaint.CaseId);
    }

    public void Forget(long caseId)
    {
        if (!_complaints.Remove(caseId, out var kept) || kept.GroupId is not { } group) return;
        _members[group].Remove(caseId);
        if (_members[group].Count == 0) _members.Remove(group);
    }

    /// <summary>The memberships kept were read after similar_membership was read as <paramref name="version"/>: exact for it.</summary>
    public void ReadAt(long version) => Version = version;

    /// <summary>What is kept is no longer known to be exact (a comparison failed half-way): the next one reads the memberships again.</summary>
    public void Invalidate() => Version = -1;

    public long? GroupOf(long caseId) => _complaints.TryGetValue(caseId, out var kept) ? kept.GroupId : null;

    /// <summary>The complaint as kept, or null when it is not in the window.</summary>
    public ComplaintText? Find(long caseId) => _complaints.GetValueOrDefault(caseId);

    /// <summary>The kept members of a group received between <paramref name="from"/> and <paramref name="to"/> (both included).</summary>
    public IReadOnlyList<ComplaintText> MembersOf(long groupId, DateTimeOffset from, DateTimeOffset to) =>
        _members.TryGetValue(groupId, out var ids)
            ? [.. ids.Select(id => _complaints[id]).Where(m => m.ReceivedAt >= from && m.ReceivedAt <= to)]
            : [];

    /// <summary>The window's memberships as read under the version's lock: every kept complaint's group from these.</summary>
    internal void Regroup(IReadOnlyDictionary<long, long> groupOf, long version)
    {
        foreach (var complaint in _complaints.Values.ToList())
        {
            long? group = groupOf.TryGetValue(complaint.CaseId, out var g) ? g : null;
            if (complaint.GroupId != group) Keep(complaint with { GroupId = group });
        }
        Version = version;
    }

    internal void Linked(long groupId, IEnumerable<long> caseIds, long version)
    {
        foreach (var id in caseIds)
            if (_complaints.TryGetValue(id, out var kept)) Keep(kept with { GroupId = groupId });
        Version = version;
    }

    internal void Raised(IEnumerable<long> caseIds, CaseClass to)
    {
        foreach (var id in caseIds)
            if (_complaints.TryGetValue(id, out var kept)) _complaints[id] = kept with { Class = to.ToName() };
    }

    private HashSet<long> MembersSet(long groupId)
    {
        if (!_members.TryGetValue(groupId, out var ids)) _members[groupId] = ids = [];
        return ids;
    }
}
