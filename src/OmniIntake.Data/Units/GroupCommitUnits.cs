using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using OmniIntake.Core.Intake;

namespace OmniIntake.Data.Units;

/// <summary>
/// Group commit (issue 17 item 2): concurrent units are gathered into small batches, each ONE transaction on one
/// connection, so a burst of messages pays one commit (one WAL flush) per batch instead of one per message. A unit that
/// throws fails alone: its caller gets its exception while the others commit (the batch runs without savepoints, and
/// only after a failure are the others run again, each under a savepoint: a round trip per unit saved when none fails). A
/// <see cref="UnitConflictException"/>, a transient error (deadlock, serialization failure, lost connection) or a failed
/// batch commit sends the units concerned back to their callers, which run them again ALONE, each in a transaction of its
/// own (<see cref="DirectInboundUnits"/>). A caller returns only after the commit that holds its unit, and what the unit
/// left for after the commit runs then, on the caller's flow.
/// </summary>
/// <remarks>
/// A caller's cancellation is honoured until its unit starts; from then on the unit runs to the batch's end under the
/// runner's own token, so one caller giving up never cancels a statement on the connection the others share.
/// </remarks>
public sealed class GroupCommitUnits : IInboundUnits, IAsyncDisposable
{
    private const string Savepoint = "unit";
    private readonly Database _database;
    private readonly GroupCommitOptions _options;
    private readonly DirectInboundUnits _alone;
    private readonly Channel<PendingUnit> _queue = Channel.CreateUnbounded<PendingUnit>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _pumps;
    private long _batches;
    private long _batchedUnits;
    private long _aloneUnits;

    public GroupCommitUnits(Database database, GroupCommitOptions? options = null)
    {
        _database = database;
        _options = options ?? new GroupCommitOptions();
        _alone = new DirectInboundUnits(database);
        var pumps = _options.Pumps ?? (database.Provider == DatabaseProvider.Postgres ? 4 : 1);
        _pumps = Enumerable.Range(0, Math.Max(1, pumps)).Select(_ => Task.Run(PumpAsync)).ToArray();
    }

    /// <summary>Commits so far: batches committed and units in them, units run alone (for tests and the benchmarks).</summary>
    public GroupCommitCounts Counts => new(Interlocked.Read(ref _batches), Interlocked.Read(ref _batchedUnits), Interlocked.Read(ref _aloneUnits));

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (InboundUnit.Current is not null) return await work(cancellationToken); // already inside a unit: part of it
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingUnit<T>(work, cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        switch (await pending.Outcome)
        {
            case Outcome.Committed:
                pending.Unit!.RunAfterCommit();
                return pending.Result!;
            case Outcome.Cancelled:
                throw new OperationCanceledException(cancellationToken);
            default:
                Interlocked.Increment(ref _aloneUnits);
                return await _alone.RunAsync(work, cancellationToken);
        }
    }

    private async Task PumpAsync()
    {
        var batch = new List<PendingUnit>(_options.MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                await GatherAsync(batch);
                if (batch.Count > 0) await RunBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            // Disposed with units still queued: their callers run them alone.
            while (_queue.Reader.TryRead(out var left)) left.Finish(Outcome.RunAlone);
        }
    }

    /// <summary>What is waiting, then briefly (yielding) what arrives while the first units were taken.</summary>
    private async Task GatherAsync(List<PendingUnit> batch)
    {
        var since = Stopwatch.GetTimestamp();
        while (true)
        {
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count >= _options.MaxBatch || Stopwatch.GetElapsedTime(since) >= _options.Linger) return;
            await Task.Yield();
        }
    }

    private async Task RunBatchAsync(List<PendingUnit> batch)
    {
        // Optimistic first: no savepoints, so a unit costs no round trip of its own. A unit that throws loses the batch its
        // transaction; it alone takes the outcome it would have had under a savepoint, and the others run once more, now
        // each under a savepoint (their work may run twice, IInboundUnits' contract: it only writes through the stores).
        var rest = await TryBatchAsync(batch, guarded: false);
        if (rest.Count > 0) await TryBatchAsync(rest, guarded: rest.Count > 1);
    }

    /// <summary>Runs <paramref name="batch"/> in one transaction and commits it.</summary>
    /// <returns>Unguarded, after a unit threw: the batch's other units, to run again under savepoints; otherwise none.</returns>
    private async Task<List<PendingUnit>> TryBatchAsync(List<PendingUnit> batch, bool guarded)
    {
        var ct = _stopping.Token;
        var ran = new List<PendingUnit>(batch.Count);
        var index = 0;
        try
        {
            await using var connection = await _database.OpenAsync(ct);
            await using var transaction = await Database.BeginWriteAsync(connection, ct);
            for (; index < batch.Count; index++)
            {
                var pending = batch[index];
                if (pending.CallerCancelled)
                {
                    pending.Finish(Outcome.Cancelled);
                    continue;
                }
                // The savepoints are not released (one round trip each saved): a rollback to the name undoes the latest,
                // this unit's, and the batch holds at most 32.
                if (guarded) await transaction.SaveAsync(Savepoint, ct);
                try
                {
                    await pending.RunAsync(new InboundUnit(connection, transaction), ct);
                }
                catch (Exception ex)
                {
                    // Rolling back to the savepoint undoes this unit alone; if even that fails, the batch is lost (below).
                    if (guarded) await transaction.RollbackAsync(Savepoint, ct);
                    if (IsRetriable(ex)) pending.Finish(Outcome.RunAlone);
                    else pending.Fail(ex);
                    if (guarded) continue;
                    // Unguarded, the transaction is lost with it (disposed: rolled back).
                    return [.. ran, .. batch.Skip(index + 1)];
                }
                ran.Add(pending);
            }
            if (ran.Count > 0) await transaction.CommitAsync(ct);
        }
        catch (Exception)
        {
            // The batch could not commit (lost connection, deadlock, serialization failure, shutting down): every unit
            // not yet answered is run again alone by its caller, where its own error, if any, reaches it.
            foreach (var pending in ran) pending.Finish(Outcome.RunAlone);
            for (; index < batch.Count; index++) batch[index].Finish(Outcome.RunAlone);
            return [];
        }
        if (ran.Count == 0) return [];
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchedUnits, ran.Count);
        foreach (var pending in ran) pending.Finish(Outcome.Committed);
        return [];
    }

    /// <summary>A conflict a run alone resolves, or a transient failure (deadlock, serialization, connection) another transaction may not meet.</summary>
    private static bool IsRetriable(Exception ex) => ex is UnitConflictException or DbException { IsTransient: true };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_pumps);
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private enum Outcome
    {
        Committed,
        RunAlone,
        Cancelled,
    }

    private abstract class PendingUnit
    {
        private readonly TaskCompletionSource<Outcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ExecutionContext? _context = ExecutionContext.Capture();

        public Task<Outcome> Outcome => _outcome.Task;

        public InboundUnit? Unit { get; private set; }

        public abstract bool CallerCancelled { get; }

        /// <summary>Runs the work as <paramref name="unit"/>, in the caller's execution context (its async-locals, its log scopes).</summary>
        public Task RunAsync(InboundUnit unit, CancellationToken ct)
        {
            Unit = unit;
            if (_context is null) return Enter(unit, ct);
            Task? started = null;
            ExecutionContext.Run(_context, _ => started = Enter(unit, ct), null);
            return started!;
        }

        private Task Enter(InboundUnit unit, CancellationToken ct)
        {
            using (unit.Enter()) return StartWork(ct);
        }

        protected abstract Task StartWork(CancellationToken ct);

        public void Finish(Outcome outcome) => _outcome.TrySetResult(outcome);

        public void Fail(Exception ex) => _outcome.TrySetException(ex);
    }

    private sealed class PendingUnit<T>(Func<CancellationToken, Task<T>> work, CancellationToken caller) : PendingUnit
    {
        public T? Result { get; private set; }

        public override bool CallerCancelled => caller.IsCancellationRequested;

        protected override async Task StartWork(CancellationToken ct) => Result = await work(ct);
    }
}

/// <summary>What a <see cref="GroupCommitUnits"/> committed: batches, the units in them, and the units run alone after a batch sent them back.</summary>
public sealed record GroupCommitCounts(long Batches, long BatchedUnits, long AloneUnits);
