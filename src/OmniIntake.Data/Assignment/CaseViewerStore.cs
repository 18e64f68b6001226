namespace OmniIntake.Data.Assignment;

/// <summary>Someone who has a case open in their console, and whether they are typing a reply.</summary>
public sealed class CaseViewer
{
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
}

/// <summary>
/// Who has which case open (issue 15 item 6: collision detection), across server processes (table case_viewers). A
/// console refreshes its row every <see cref="Heartbeat"/>; a row older than <see cref="Stale"/> (a closed laptop, a
/// process that died) no longer counts, so nobody is shown as looking for long after they left.
/// </summary>
public sealed class CaseViewerStore(Database database, TimeProvider clock)
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(60);

    public async Task ViewAsync(string connectionId, long caseId, string username, string displayName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            """
            INSERT INTO case_viewers (connection_id, case_id, username, display_name, seen_at) VALUES (@connectionId, @caseId, @username, @displayName, @now)
            ON CONFLICT (connection_id, case_id) DO UPDATE SET seen_at = excluded.seen_at;
            DELETE FROM case_viewers WHERE seen_at < @stale;
            """, new { connectionId, caseId, username, displayName, now, stale = now - Stale - Stale }, null, cancellationToken);
    }

    public async Task LeaveAsync(string connectionId, long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync("DELETE FROM case_viewers WHERE connection_id = @connectionId AND case_id = @caseId", new { connectionId, caseId }, null,
            cancellationToken);
    }

    /// <returns>The cases the connection had open (their viewers changed).</returns>
    public async Task<IReadOnlyList<long>> DisconnectAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var cases = await connection.ListAsync<long>("SELECT case_id FROM case_viewers WHERE connection_id = @connectionId", new { connectionId }, null,
            cancellationToken);
        await connection.ExecAsync("DELETE FROM case_viewers WHERE connection_id = @connectionId", new { connectionId }, null, cancellationToken);
        return cases;
    }

    /// <summary>Everyone who has the case open now (one entry per person, however many tabs), by name.</summary>
    public async Task<IReadOnlyList<CaseViewer>> ListAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync<CaseViewer>(
            """
            SELECT username, MAX(display_name) AS display_name FROM case_viewers
            WHERE case_id = @caseId AND seen_at >= @since GROUP BY username ORDER BY username
            """, new { caseId, since = clock.GetUtcNow() - Stale }, null, cancellationToken);
    }
}
