using System.Collections.Concurrent;
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
/// </summary>
public sealed class DeadlineTimers(DeadlineStore store, TimeProvider clock, ILogger<DeadlineTimers> logger) : IDisposable
{
    private readonly ConcurrentDictionary<(long, DeadlineMoment), ITimer> _armed = new();

    public int ArmedCount => _armed.Count;

    public void Arm(long deadlineId, DeadlineMoment moment, DateTimeOffset at)
    {
        var key = (deadlineId, moment);
        if (_armed.ContainsKey(key)) return;
        var timer = clock.CreateTimer(_ => _ = FireAsync(key, at), null, Delay(at), Timeout.InfiniteTimeSpan);
        if (!_armed.TryAdd(key, timer)) timer.Dispose();
    }

    private TimeSpan Delay(DateTimeOffset at)
    {
        var delay = at - clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private async Task FireAsync((long DeadlineId, DeadlineMoment Moment) key, DateTimeOffset at)
    {
        // A timer may wake a little before the wall clock reaches its time; the row's compare-and-set would then
        // refuse (never early), so wait out the remainder instead of dropping the timer.
        if (Delay(at) > TimeSpan.Zero && _armed.TryGetValue(key, out var early))
        {
            early.Change(Delay(at) + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            return;
        }
        try
        {
            if (key.Moment == DeadlineMoment.Breach) await store.TryBreachAsync(key.DeadlineId);
            else await store.TryWarnAsync(key.DeadlineId);
        }
        catch (Exception ex)
        {
            // The next sweep tries again: the row is unchanged. A timer's callback has nobody to throw to (issue 12).
            if (TransientFailure.Is(ex))
                logger.LogWarning("Firing deadline {DeadlineId} ({Moment}) failed ({Error}); the next sweep retries.", key.DeadlineId, key.Moment,
                    TransientFailure.Describe(ex));
            else
                logger.LogError(ex, "Firing deadline {DeadlineId} ({Moment}) failed; the next sweep retries.", key.DeadlineId, key.Moment);
        }
        finally
        {
            if (_armed.TryRemove(key, out var timer)) await timer.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var timer in _armed.Values) timer.Dispose();
        _armed.Clear();
    }
}
