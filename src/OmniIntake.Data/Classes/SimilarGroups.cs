using OmniIntake.Core.Cases;
using OmniIntake.Data.Cases;

namespace OmniIntake.Data.Classes;

public sealed class SimilarMember
{
    public long GroupId { get; init; }
    public long CaseId { get; init; }
    public string Number { get; init; } = "";
    public string? Subject { get; init; }
    public string Status { get; init; } = "";
    public string Class { get; init; } = "";
    public long ContactId { get; init; }
    public double Score { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}

public sealed record SimilarGroup(long Id, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, string? ConfirmedBy, int Complainants,
    IReadOnlyList<SimilarMember> Members);

/// <summary>The groups of similar complaints as supervisors review them: confirm a group, or take a case out of it.</summary>
public sealed class SimilarGroups(Database database, TimeProvider clock)
{
    private sealed class GroupRow
    {
        public long Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ConfirmedAt { get; init; }
        public string? ConfirmedBy { get; init; }
    }

    public async Task<IReadOnlyList<SimilarGroup>> ListAsync(bool unconfirmedOnly, int limit, CancellationToken cancellationToken = default)
    {
        await using var c = await database.OpenAsync(cancellationToken);
        var groups = await c.ListAsync<GroupRow>(
            $"SELECT id, created_at, confirmed_at, confirmed_by FROM similar_groups {(unconfirmedOnly ? "WHERE confirmed_at IS NULL" : "")} ORDER BY id DESC LIMIT @limit",
            new { limit }, null, cancellationToken);
        if (groups.Count == 0) return [];
        var ids = groups.Select(g => g.Id).ToArray();
        var members = (await c.ListAsync<SimilarMember>(
            $"""
             SELECT m.group_id, c.id AS case_id, c.number, c.subject, c.status, c.class, c.contact_id, m.score, c.received_at
             FROM similar_members m JOIN cases c ON c.id = m.case_id WHERE {database.In("m.group_id", "@ids")} ORDER BY c.received_at
             """, new { ids }, null, cancellationToken)).ToLookup(m => m.GroupId);
        return groups.Select(g => new SimilarGroup(g.Id, g.CreatedAt, g.ConfirmedAt, g.ConfirmedBy,
            members[g.Id].Select(m => m.ContactId).Distinct().Count(), [.. members[g.Id]])).Where(g => g.Members.Count > 0).ToList();
    }

    /// <summary>A supervisor confirms the cases are the same complaint (audited on each).</summary>
    public async Task<CommandResult> ConfirmAsync(long groupId, string actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(c, cancellationToken);
        var changed = await c.ExecAsync("UPDATE similar_groups SET confirmed_at = @now, confirmed_by = @actor WHERE id = @groupId AND confirmed_at IS NULL",
            new { now, actor, groupId }, tx, cancellationToken);
        if (changed == 0)
            return await c.OneAsync<long>("SELECT COUNT(*) FROM similar_groups WHERE id = @groupId", new { groupId }, tx, cancellationToken) == 0
                ? CommandResult.NotFound($"There is no group {groupId}.")
                : CommandResult.Conflict($"Group {groupId} was confirmed already.");
        foreach (var caseId in await c.ListAsync<long>("SELECT case_id FROM similar_members WHERE group_id = @groupId", new { groupId }, tx, cancellationToken))
            await CaseJournal.WriteAsync(c, tx, caseId, new SimilarConfirmed(actor, now, groupId), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>Takes a case out of its group: it was not the same complaint. Its class stays as it is (a supervisor
    /// lowers it by hand, with a reason, when the raise was wrong).</summary>
    public async Task<CommandResult> RemoveAsync(long caseId, string actor, string? reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var c = await database.OpenAsync(cancellationToken);
        await using var tx = await Database.BeginWriteAsync(c, cancellationToken);
        // The class sweep's kept memberships are exact only for this version (issue 17 item 6, KnownGroups); its lock is
        // taken first, as the sweep takes it, so the two never wait on each other crosswise.
        await c.ExecAsync("UPDATE similar_membership SET version = version + 1 WHERE id = 1", null, tx, cancellationToken);
        var group = await c.OneOrDefaultAsync<long?>("SELECT group_id FROM similar_members WHERE case_id = @caseId", new { caseId }, tx, cancellationToken);
        if (group is null) return CommandResult.NotFound($"Case {caseId} is in no group of similar complaints.");
        await c.ExecAsync("DELETE FROM similar_members WHERE case_id = @caseId", new { caseId }, tx, cancellationToken);
        await CaseJournal.WriteAsync(c, tx, caseId, new SimilarRemoved(actor, now, group.Value, reason), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }
}
