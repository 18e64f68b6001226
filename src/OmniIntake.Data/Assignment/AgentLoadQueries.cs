using OmniIntake.Core.Accounts;
using OmniIntake.Core.Assignment;
using OmniIntake.Core.Cases;
using OmniIntake.Data.Accounts;

namespace OmniIntake.Data.Assignment;

/// <summary>An agent's load (issue 15 item 5): open cases they hold, whether their console is open and not away, the earliest deadline among their cases.</summary>
public sealed record AgentLoad(long Id, string Username, string DisplayName, int OpenCases, bool Online, bool Away, DateTimeOffset? OldestDueAt,
    DateTimeOffset? LastAssignedAt)
{
    public AgentAvailability Availability => new(Username, Online, Away, OpenCases, LastAssignedAt);
}

/// <summary>Agents' loads, availability (away/available) and the cases automatic assignment still has to place.</summary>
public sealed class AgentLoadQueries(Database database, TimeProvider clock)
{
    private sealed class Row
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Roles { get; init; } = "";
        public long OpenCases { get; init; }
        public long Online { get; init; }
        public long Away { get; init; }
        public DateTimeOffset? OldestDueAt { get; init; }
        public DateTimeOffset? LastAssignedAt { get; init; }
    }

    /// <summary>Every agent (role agent), by name. Online means a live console within <see cref="PresenceStore.Stale"/>, across server processes.</summary>
    public async Task<IReadOnlyList<AgentLoad>> ListAsync(CancellationToken cancellationToken = default)
    {
        var open = string.Join(", ", CaseLifecycle.OpenNames.Select(n => $"'{n}'"));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<Row>(
            $"""
             SELECT u.id, u.username, u.display_name, u.roles,
                    (SELECT COUNT(*) FROM cases c WHERE c.claimed_by = u.username AND c.status IN ({open})) AS open_cases,
                    CASE WHEN EXISTS (SELECT 1 FROM presence p WHERE p.username = u.username AND p.seen_at >= @since) THEN 1 ELSE 0 END AS online,
                    CASE WHEN a.away = {database.True} THEN 1 ELSE 0 END AS away,
                    (SELECT MIN(d.due_at) FROM deadlines d JOIN cases c ON c.id = d.case_id
                      WHERE c.claimed_by = u.username AND c.status IN ({open}) AND d.state = 'pending') AS oldest_due_at,
                    a.last_assigned_at
             FROM users u LEFT JOIN agent_availability a ON a.username = u.username
             ORDER BY u.username
             """, new { since = clock.GetUtcNow() - PresenceStore.Stale }, null, cancellationToken);
        return rows.Where(r => r.Roles.Split(',', StringSplitOptions.TrimEntries).Contains(Roles.Agent, StringComparer.Ordinal))
            .Select(r => new AgentLoad(r.Id, r.Username, r.DisplayName, (int)r.OpenCases, r.Online == 1, r.Away == 1, r.OldestDueAt, r.LastAssignedAt))
            .ToList();
    }

    /// <summary>An agent says they are away (out of automatic assignment) or available again.</summary>
    public async Task SetAwayAsync(string username, bool away, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            """
            INSERT INTO agent_availability (username, away, changed_at) VALUES (@username, @away, @now)
            ON CONFLICT (username) DO UPDATE SET away = excluded.away, changed_at = excluded.changed_at
            """, new { username, away, now = clock.GetUtcNow() }, null, cancellationToken);
    }

    public async Task<bool> IsAwayAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.OneOrDefaultAsync<long?>(
            $"SELECT CASE WHEN away = {database.True} THEN 1 ELSE 0 END FROM agent_availability WHERE username = @username", new { username }, null,
            cancellationToken) == 1;
    }

    /// <summary>
    /// Open cases waiting for automatic assignment, oldest first: in the queue (received), held by nobody, and never
    /// claimed, assigned or released by anyone (a case a person put back in the queue stays there).
    /// </summary>
    public async Task<IReadOnlyList<long>> WaitingAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<long>(
            """
            SELECT c.id FROM cases c
            WHERE c.status = 'received' AND c.claimed_by IS NULL
              AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.case_id = c.id
                              AND a.action IN ('case.claimed', 'case.released', 'case.assigned', 'case.reassigned', 'case.unassigned'))
            ORDER BY c.id LIMIT @limit
            """, new { limit }, null, cancellationToken);
    }
}
