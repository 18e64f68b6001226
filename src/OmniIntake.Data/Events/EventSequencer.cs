using Dapper;
using OmniIntake.Core.Events;

namespace OmniIntake.Data.Events;

/// <summary>
/// Gives committed events their position. A PostgreSQL sequence value is taken before commit, so ids can become
/// visible out of order and "id &gt; cursor" would skip a late commit. Positions are therefore assigned AFTER commit,
/// by one stamper at a time (an advisory lock across server processes), as max(position) + 1, 2, ...: they are dense
/// and become visible in order, so a reader that saw N has seen everything up to N.
/// The stamping transaction hands back the rows it positioned (so the dispatcher need not read them back) and, on
/// PostgreSQL, NOTIFYs <see cref="PositionedChannel"/> at its commit, so other processes learn of new positions
/// without polling (issue 17 item 5). On PostgreSQL it is ONE round trip: lock, notification and stamping go as one
/// batch in the implicit transaction the server gives a batch (committed at its end, before the results are handed
/// back); a caller that knows events were just committed skips the cheap check before it.
/// </summary>
public sealed class EventSequencer(Database database)
{
    /// <summary>The LISTEN/NOTIFY channel told at the commit of every stamping transaction (payload: <see cref="Origin"/>).</summary>
    public const string PositionedChannel = "omniintake_events_positioned";

    private const long AdvisoryLockKey = 0x4F6D6E69_45767453; // "OmniEvtS"
    private const int BatchSize = 2000;

    /// <summary>This process's name in its notifications, so it can tell its own from other processes'.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <returns>How many events were stamped.</returns>
    public async Task<int> StampAsync(CancellationToken cancellationToken = default) => (await PositionAsync(cancellationToken)).Count;

    /// <summary>Positions what is committed and not positioned yet.</summary>
    /// <returns>How many events this call positioned and, when they fit one batch, the events themselves in position order
    /// (a larger backlog gives only the number: the dispatcher reads it in pages).</returns>
    public Task<PositionedEvents> PositionAsync(CancellationToken cancellationToken = default) => PositionAsync(false, cancellationToken);

    /// <summary>Positions what is committed and not positioned yet.</summary>
    /// <param name="justCommitted">Events were just committed (the caller was told so): skip the check for unpositioned
    /// events, a round trip that would find them anyway.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<PositionedEvents> PositionAsync(bool justCommitted, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Cheap check first: most polls find nothing to do and should not take a lock.
        if (!justCommitted && await connection.FirstOrDefaultAsync<long?>("SELECT id FROM events WHERE position IS NULL LIMIT 1", null, null,
                cancellationToken) is null)
            return PositionedEvents.None;

        // One round trip for lock, notification and stamping: each statement of the batch runs (and takes its snapshot)
        // only after the one before it, so the UPDATE sees the positions of the stamper that held the lock before. The
        // others are told only when there is something to position: a stamper that lost the race to one before it (or a
        // caller told of a commit whose events another positioned) would wake every other process for nothing.
        string[] before = [.. new[]
        {
            database.Dialect.TransactionLock("@key"), database.Dialect.Notify(PositionedChannel, "EXISTS (SELECT 1 FROM events WHERE position IS NULL)"),
        }.OfType<string>()];
        var sql = string.Join(";\n", [.. before,
            $"""
            WITH pending AS (
                SELECT id, row_number() OVER (ORDER BY id) AS rn
                FROM events WHERE position IS NULL ORDER BY id LIMIT @batch),
            base AS (SELECT COALESCE(MAX(position), 0) AS top FROM events)
            UPDATE events SET position = base.top + pending.rn
            FROM pending, base WHERE events.id = pending.id
            RETURNING {EventRow.Columns}
            """]);
        var total = 0;
        List<CaseEvent>? events = null;
        while (true)
        {
            List<EventRow> stamped;
            // PostgreSQL runs a batch sent without a transaction in one implicit transaction, committed at the batch's
            // end: the transaction-level lock holds until then, the NOTIFY goes at that commit, and reading the
            // results to their end (disposing them) waits for it and throws if it failed, so nothing is handed back
            // uncommitted. BEGIN and COMMIT around it were two round trips more. SQLite needs its write transaction.
            var transaction = connection is Npgsql.NpgsqlConnection ? null : await Database.BeginWriteAsync(connection, cancellationToken);
            await using (transaction)
            {
                await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(sql,
                                 new { key = AdvisoryLockKey, origin = Origin, batch = BatchSize }, transaction, cancellationToken: cancellationToken)))
                {
                    foreach (var _ in before) await results.ReadAsync();
                    stamped = (await results.ReadAsync<EventRow>()).AsList();
                }
                if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            }
            // The first batch is kept unless another follows: a backlog is read back in pages instead of held in memory.
            events = total == 0 && stamped.Count < BatchSize ? [.. stamped.OrderBy(r => r.Position).Select(r => r.ToEvent())] : null;
            total += stamped.Count;
            if (stamped.Count < BatchSize) return new PositionedEvents(total, events ?? []);
        }
    }
}

/// <summary>What one call of <see cref="EventSequencer.PositionAsync(bool, CancellationToken)"/> positioned.</summary>
/// <param name="Count">How many events it positioned.</param>
/// <param name="Events">Those events in position order (dense), or empty when they were too many to hand back.</param>
public sealed record PositionedEvents(int Count, IReadOnlyList<CaseEvent> Events)
{
    public static readonly PositionedEvents None = new(0, []);
}
