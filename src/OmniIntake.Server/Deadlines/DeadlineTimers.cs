using System.Collections.Concurrent;
using System.Threading.Channels;
using OmniIntake.Core.Resilience;
using OmniIntake.Data.Deadlines;

namespace OmniIntake.Server.Deadlines;

/// <summary>What a timer does when it fires.</summary>
public enum DeadlineMoment
{
    AtRisk,
    Breach,
}

/// <summary>
/// Precise in-process timers for the warnings and breaches due before the next sweep. Hangfire's scheduler polls (15 s
/// by default) and whole seconds are its resolution, so the sweep hands near-due moments to these timers. A timer
/// lost in a crash is harmless: the sweep at start-up fires what is overdue, and firing is a compare-and-set on the row.
/// A timer that comes due hands its deadline to the firing loops (<see cref="DeadlineOptions.FireConcurrency"/> of them),
/// and each loop fires everything waiting in one transaction (<see cref="DeadlineStore.TryBreachManyAsync"/>): one
/// deadline at a time when they come one by one, many together when they come faster than a transaction commits, so a
/// backlog (a stall, a burst of due times) drains at many times the rate it built up (issue 17 "Done means").
/// </summary>
public sealed class DeadlineTimers(DeadlineStore store, DeadlineOptions options, TimeProvider clock, ILogger<DeadlineTimers> logger) : BackgroundService
{
    /// <summary>The most deadlines one firing transaction takes.</summary>
    private const int MaxBatch = 200;

    private readonly ConcurrentDictionary<(long, DeadlineMoment), ITimer> _armed = new();
    private readonly Channel<(long DeadlineId, DeadlineMoment Moment)> _due = Channel.CreateUnbounded<(long, DeadlineMoment)>();

    public int ArmedCount => _armed.Count;

    public void Arm(long deadlineId, DeadlineMoment moment, DateTimeOffset at)
    {
        var key = (deadlineId, moment);
        if (_armed.ContainsKey(key)) return;
        var timer = clock.CreateTimer(_ => Due(key, at), null, Delay(at), Timeout.InfiniteTimeSpan);
        if (!_armed.TryAdd(key, timer)) timer.Dispose();
    }

    private TimeSpan Delay(DateTimeOffset at)
    {
        var delay = at - clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private void Due((long DeadlineId, DeadlineMoment Moment) key, DateTimeOffset at)
    {
        // A timer may wake a little before the wall clock reaches its time; the row's compare-and-set would then
        // refuse (never early), so wait out the remainder instead of dropping the timer.
        if (Delay(at) > TimeSpan.Zero && _armed.TryGetValue(key, out var early))
        {
            early.Change(Delay(at) + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            return;
        }
        _due.Writer.TryWrite(key);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.FireConcurrency).Select(_ => FireLoopAsync(stoppingToken)));

    private async Task FireLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _due.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<(long DeadlineId, DeadlineMoment Moment)>();
                while (batch.Count < MaxBatch && _due.Reader.TryRead(out var key)) batch.Add(key);
                if (batch.Count > 0) await FireAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still armed or waiting fires at the next start's sweep (the rows are unchanged).
        }
    }

    private async Task FireAsync(List<(long DeadlineId, DeadlineMoment Moment)> batch, CancellationToken cancellationToken)
    {
        try
        {
            var breaches = batch.Where(k => k.Moment == DeadlineMoment.Breach).Select(k => k.DeadlineId).ToList();
            await Guarded(DeadlineMoment.Breach, breaches.Count, () => store.TryBreachManyAsync(breaches, cancellationToken));
            foreach (var (deadlineId, _) in batch.Where(k => k.Moment == DeadlineMoment.AtRisk))
                await Guarded(DeadlineMoment.AtRisk, 1, () => store.TryWarnAsync(deadlineId, cancellationToken));
        }
        finally
        {
            foreach (var key in batch)
                if (_armed.TryRemove(key, out var timer)) await timer.DisposeAsync();
        }
    }

    /// <summary>A failed firing leaves the rows unchanged and the next sweep tries again; a loop has nobody to throw to (issue 12).</summary>
    private async Task Guarded(DeadlineMoment moment, int count, Func<Task> fire)
    {
        if (count == 0) return;
        try
        {
            await fire();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (TransientFailure.Is(ex))
                logger.LogWarning("Firing {Count} deadline(s) ({Moment}) failed ({Error}); the next sweep retries.", count, moment, TransientFailure.Describe(ex));
            else
                logger.LogError(ex, "Firing {Count} deadline(s) ({Moment}) failed; the next sweep retries.", count, moment);
        }
    }

    public override void Dispose()
    {
        foreach (var timer in _armed.Values) timer.Dispose();
        _armed.Clear();
        base.Dispose();
    }
}
