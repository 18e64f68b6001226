using System.Collections.Concurrent;
using OmniIntake.Data.Deadlines;

namespace OmniIntake.Server.Deadlines;

/// <summary>
/// Precise in-process timers for the deadlines due before the next sweep. Hangfire's scheduler polls (15 s by
/// default) and whole seconds are its resolution, so the sweep hands near-due deadlines to these timers. A timer lost
/// in a crash is harmless: the sweep at start-up fires what is overdue, and firing is a compare-and-set on the row.
/// </summary>
public sealed class DeadlineTimers(DeadlineStore store, TimeProvider clock, ILogger<DeadlineTimers> logger) : IDisposable
{
    private readonly ConcurrentDictionary<long, ITimer> _armed = new();

    public int ArmedCount => _armed.Count;

    public void Arm(long deadlineId, DateTimeOffset dueAt)
    {
        if (_armed.ContainsKey(deadlineId)) return;
        var timer = clock.CreateTimer(_ => _ = FireAsync(deadlineId, dueAt), null, Delay(dueAt), Timeout.InfiniteTimeSpan);
        if (!_armed.TryAdd(deadlineId, timer)) timer.Dispose();
    }

    private TimeSpan Delay(DateTimeOffset dueAt)
    {
        var delay = dueAt - clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private async Task FireAsync(long deadlineId, DateTimeOffset dueAt)
    {
        // A timer may wake a little before the wall clock reaches the due time; the row's compare-and-set would
        // then refuse (never early), so wait out the remainder instead of dropping the timer.
        if (Delay(dueAt) > TimeSpan.Zero && _armed.TryGetValue(deadlineId, out var early))
        {
            early.Change(Delay(dueAt) + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            return;
        }
        try
        {
            await store.TryBreachAsync(deadlineId);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The next sweep tries again: the row is still pending.
            logger.LogWarning(ex, "Firing deadline {DeadlineId} failed; the next sweep retries.", deadlineId);
        }
        finally
        {
            if (_armed.TryRemove(deadlineId, out var timer)) await timer.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var timer in _armed.Values) timer.Dispose();
        _armed.Clear();
    }
}
