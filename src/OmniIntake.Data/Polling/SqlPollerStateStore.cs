using OmniIntake.Core.Polling;

namespace OmniIntake.Data.Polling;

/// <summary>
/// Poller leases, cursors and outcomes in the <c>pollers</c> table; every change is one statement. Writes and reads go
/// through <see cref="Database.WriteAsync"/> and <see cref="Database.ReadAsync"/>, so inside an inbound unit they join it
/// and commit with it (issue 17 item 1); outside one each is its own short transaction.
/// </summary>
public sealed class SqlPollerStateStore(Database database, TimeProvider clock) : IPollerStateStore
{
    public async Task<bool> TryLeaseAsync(string poller, string holder, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var write = await database.WriteAsync(cancellationToken);
        // One statement decides, so two processes asking at once cannot both win.
        var changed = await write.Connection.ExecAsync(
            """
            INSERT INTO pollers (name, lease_holder, lease_until) VALUES (@poller, @holder, @until)
            ON CONFLICT (name) DO UPDATE SET lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
            WHERE pollers.lease_holder IS NULL OR pollers.lease_holder = excluded.lease_holder OR pollers.lease_until < @now
            """, new { poller, holder, until = now + ttl, now }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public async Task ReleaseAsync(string poller, string holder, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        await write.Connection.ExecAsync("UPDATE pollers SET lease_holder = NULL, lease_until = NULL WHERE name = @poller AND lease_holder = @holder",
            new { poller, holder }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<PollerCursor?> CursorAsync(string poller, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var row = await read.Connection.OneOrDefaultAsync<Row>("SELECT * FROM pollers WHERE name = @poller", new { poller }, read.Transaction, cancellationToken);
        return row is { CursorEpoch: { } epoch } ? new PollerCursor(epoch, row.CursorPosition) : null;
    }

    public async Task<bool> AdvanceAsync(string poller, string holder, PollerCursor cursor, int taken, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var write = await database.WriteAsync(cancellationToken);
        // Only the lease holder moves the cursor, and only while its lease runs: a process that lost it stops here.
        var changed = await write.Connection.ExecAsync(
            """
            UPDATE pollers SET cursor_epoch = @Epoch, cursor_position = @Position, taken = taken + @taken
            WHERE name = @poller AND lease_holder = @holder AND lease_until >= @now
            """, new { cursor.Epoch, cursor.Position, taken, poller, holder, now }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public async Task RecordIgnoredAsync(string poller, int ignored, CancellationToken cancellationToken = default)
    {
        await using var write = await database.WriteAsync(cancellationToken);
        await write.Connection.ExecAsync(
            "INSERT INTO pollers (name, ignored) VALUES (@poller, @ignored) ON CONFLICT (name) DO UPDATE SET ignored = @ignored",
            new { poller, ignored }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task RecordAsync(string poller, string? error, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var write = await database.WriteAsync(cancellationToken);
        await write.Connection.ExecAsync(error is null
                ? """
                  INSERT INTO pollers (name, last_attempt_at, last_success_at) VALUES (@poller, @now, @now)
                  ON CONFLICT (name) DO UPDATE SET last_attempt_at = @now, last_success_at = @now, last_error = NULL, failures = 0
                  """
                : """
                  INSERT INTO pollers (name, last_attempt_at, last_error, failures) VALUES (@poller, @now, @error, 1)
                  ON CONFLICT (name) DO UPDATE SET last_attempt_at = @now, last_error = @error, failures = pollers.failures + 1
                  """, new { poller, now, error }, write.Transaction, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PollerState>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        var rows = await read.Connection.ListAsync<Row>("SELECT * FROM pollers ORDER BY name", null, read.Transaction, cancellationToken);
        return rows.Select(r => r.ToState()).ToList();
    }

    public async Task<PollerState?> FindAsync(string poller, CancellationToken cancellationToken = default)
    {
        await using var read = await database.ReadAsync(cancellationToken);
        return (await read.Connection.OneOrDefaultAsync<Row>("SELECT * FROM pollers WHERE name = @poller", new { poller }, read.Transaction, cancellationToken))?.ToState();
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
