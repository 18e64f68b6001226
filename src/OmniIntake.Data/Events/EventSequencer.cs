using Dapper;

namespace OmniIntake.Data.Events;

/// <summary>
/// Gives committed events their position. A PostgreSQL sequence value is taken before commit, so ids can become
/// visible out of order and "id &gt; cursor" would skip a late commit. Positions are therefore assigned AFTER commit,
/// by one stamper at a time (an advisory lock across server processes), as max(position) + 1, 2, ...: they are dense
/// and become visible in order, so a reader that saw N has seen everything up to N.
/// </summary>
public sealed class EventSequencer(Database database)
{
    private const long AdvisoryLockKey = 0x4F6D6E69_45767453; // "OmniEvtS"
    private const int BatchSize = 2000;

    /// <returns>How many events were stamped.</returns>
    public async Task<int> StampAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Cheap check first: most polls find nothing to do and should not take a lock.
        var any = await connection.FirstOrDefaultAsync<long?>("SELECT id FROM events WHERE position IS NULL LIMIT 1", null, null,
            cancellationToken);
        if (any is null) return 0;

        var total = 0;
        while (true)
        {
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            if (database.Dialect.TransactionLock("@key") is { } serialise)
                await connection.ExecAsync(serialise, new { key = AdvisoryLockKey }, transaction, cancellationToken);
            var stamped = await connection.ExecuteAsync(new CommandDefinition(
                """
                WITH pending AS (
                    SELECT id, row_number() OVER (ORDER BY id) AS rn
                    FROM events WHERE position IS NULL ORDER BY id LIMIT @batch),
                base AS (SELECT COALESCE(MAX(position), 0) AS top FROM events)
                UPDATE events SET position = base.top + pending.rn
                FROM pending, base WHERE events.id = pending.id
                """, new { batch = BatchSize }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            total += stamped;
            if (stamped < BatchSize) return total;
        }
    }
}
