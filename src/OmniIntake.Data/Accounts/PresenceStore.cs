namespace OmniIntake.Data.Accounts;

/// <summary>Console connections across server processes (table presence), for the supervisors' "who is online".</summary>
public sealed class PresenceStore(Database database, TimeProvider clock)
{
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    public async Task ConnectedAsync(string connectionId, string username, string node, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            """
            INSERT INTO presence (connection_id, username, node, seen_at) VALUES (@connectionId, @username, @node, @now)
            ON CONFLICT (connection_id) DO UPDATE SET seen_at = excluded.seen_at
            """, new { connectionId, username, node, now = clock.GetUtcNow() }, null, cancellationToken);
    }

    public async Task DisconnectedAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync("DELETE FROM presence WHERE connection_id = @connectionId", new { connectionId }, null, cancellationToken);
    }

    /// <summary>This process's connections are still there; and rows nobody refreshed (a process that died) go.</summary>
    public async Task RefreshAsync(string node, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            "UPDATE presence SET seen_at = @now WHERE node = @node; DELETE FROM presence WHERE seen_at < @stale",
            new { node, now, stale = now - Stale - Stale }, null, cancellationToken);
    }

    /// <summary>Who is online as people see them: the display name beside the username (issue 14: names, not usernames).</summary>
    public async Task<IReadOnlyList<OnlinePerson>> OnlinePeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<OnlinePerson>(
            """
            SELECT DISTINCT p.username, COALESCE(u.display_name, p.username) AS display_name
            FROM presence p LEFT JOIN users u ON u.username = p.username
            WHERE p.seen_at >= @since ORDER BY display_name
            """, new { since = clock.GetUtcNow() - Stale }, null, cancellationToken);
    }
}

/// <summary>A signed-in member of staff on the board's "online" line.</summary>
public sealed class OnlinePerson
{
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
}
