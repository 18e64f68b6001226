using OmniIntake.Core.Polling;

namespace OmniIntake.Data.Polling;

/// <summary>Poller leases, cursors and outcomes in the <c>pollers</c> table; every change is one statement.</summary>
public sealed class SqlPollerStateStore(Database database, TimeProvider clock) : IPollerStateStore
{
    public async Task<bool> TryLeaseAsync(string poller, string holder, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement decides, so two processes asking at once cannot both win.
        var changed = await connection.ExecAsync(
            """
            INSERT INTO pollers (name, lease_holder, lease_until) VALUES (@poller, @holder, @until)
            ON CONFLICT (name) DO UPDATE SET lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
            WHERE pollers.lease_holder IS NULL OR pollers.lease_holder = excluded.lease_holder OR pollers.lease_until < @now
            """, new { poller, holder, until = now + ttl, now }, null, cancellationToken);
        return changed == 1;
    }

    public async Task ReleaseAsync(string poller, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync("UPDATE pollers SET lease_holder = NULL, lease_until = NULL WHERE name = @poller AND lease_holder = @holder",
            new { poller, holder }, null, cancellationToken);
    }

    public async Task<PollerCursor?> CursorAsync(string poller, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.OneOrDefaultAsync<Row>("SELECT * FROM pollers WHERE name = @poller", new { poller }, null, cancellationToken);
        return row is { CursorEpoch: { } epoch } ? new PollerCursor(epoch, row.CursorPosition) : null;
    }

    public async Task<bool> AdvanceAsync(string poller, string holder, PollerCursor cursor, int taken, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        // Only the lease holder moves the cursor, and only while its lease runs: a process that lost it stops here.
        var changed = await connection.ExecAsync(
            """
            UPDATE pollers SET cursor_epoch = @Epoch, cursor_position = @Position, taken = taken + @taken
            WHERE name = @poller AND lease_holder = @holder AND lease_until >= @now
            """, new { cursor.Epoch, cursor.Position, taken, poller, holder, now }, null, cancellationToken);
        return changed == 1;
    }

    public async Task RecordIgnoredAsync(string poller, int ignored, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(
            "INSERT INTO pollers (name, ignored) VALUES (@poller, @ignored) ON CONFLICT (name) DO UPDATE SET ignored = @ignored",
            new { poller, ignored }, null, cancellationToken);
    }

    public async Task RecordAsync(string poller, string? error, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecAsync(error is null
                ? """
                  INSERT INTO pollers (name, last_attempt_at, last_success_at) VALUES (@poller, @now, @now)
                  ON CONFLICT (name) DO UPDATE SET last_attempt_at = @now, last_success_at = @now, last_error = NULL, failures = 0
                  """
                : """
                  INSERT INTO pollers (name, last_attempt_at, last_error, failures) VALUES (@poller, @now, @error, 1)
                  ON CONFLICT (name) DO UPDATE SET last_attempt_at = @now, last_error = @error, failures = pollers.failures + 1
                  """, new { poller, now, error }, null, cancellationToken);
    }

    public async Task<IReadOnlyList<PollerState>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ListAsync<Row>("SELECT * FROM pollers ORDER BY name", null, null, cancellationToken);
        return rows.Select(r => r.ToState()).ToList();
    }

    public async Task<PollerState?> FindAsync(string poller, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.OneOrDefaultAsync<Row>("SELECT * FROM pollers WHERE name = @poller", new { poller }, null, cancellationToken))?.ToState();
    }

    private sealed class Row
    {
        public string Name { get; init; } = "";
        public string? CursorEpoch { get; init; }
        public long CursorPosition { get; init; }
        public string? LeaseHolder { get; init; }
        public DateTimeOffset? LeaseUntil { get; init; }
        public DateTimeOffset? LastAttemptAt { get; init; }
        public DateTimeOffset? LastSuccessAt { get; init; }
        public string? LastError { get; init; }
        public int Failures { get; init; }
        public long Taken { get; init; }
        public long Ignored { get; init; }

        public PollerState ToState() =>
            new(Name, CursorEpoch, CursorPosition, LeaseHolder, LeaseUntil, LastAttemptAt, LastSuccessAt, LastError, Failures, Taken, Ignored);
    }
}
