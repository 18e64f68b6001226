using OmniIntake.Core.Events;

namespace OmniIntake.Server.Live;

/// <summary>
/// Wakes each subscriber (the event dispatcher, the near-due deadline watcher) as soon as this process committed
/// events; other processes' events are found by polling, or announced over Redis (RedisWake) or PostgreSQL
/// LISTEN/NOTIFY (PostgresWake). Each wake-up says why (<see cref="WakeReasons"/>), so the dispatcher does only the
/// round trips that reason needs (issue 17 item 5): it need not look for unpositioned events another process
/// positioned already, nor check first for events it knows were just committed.
/// </summary>
public sealed class EventLogSignal : IEventLogSignal
{
    private readonly List<Subscription> _subscribers = [];

    /// <summary>Raised when THIS process positioned events (not for wake-ups from elsewhere), to tell other processes.</summary>
    public event Action? PositionedHere;

    public Subscription Subscribe()
    {
        var subscription = new Subscription();
        lock (_subscribers) _subscribers.Add(subscription);
        return subscription;
    }

    public void EventsCommitted() => Wake(WakeReasons.Committed);

    /// <summary>
    /// This process positioned events (its dispatcher, after its own commits): other processes need only read them.
    /// Told after the positioning, not at the commit, so the process that pushes does not race this one for the
    /// positioning lock and then read what it lost (issue 17 item 5: measured, +32 ms at p99 with two nodes on Redis).
    /// </summary>
    public void EventsPositioned() => PositionedHere?.Invoke();

    /// <summary>Wakes the subscribers for <paramref name="reasons"/>.</summary>
    public void Wake(WakeReasons reasons)
    {
        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers) subscriber.Wake(reasons);
        }
    }

    public sealed class Subscription : IDisposable
    {
        private readonly SemaphoreSlim _wake = new(0, 1);
        private int _reasons;

        internal void Wake(WakeReasons reasons)
        {
            // The reason first: a waiter that wakes reads every reason given before its wake-up.
            Interlocked.Or(ref _reasons, (int)reasons);
            try
            {
                if (_wake.CurrentCount == 0) _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up covers every commit before it.
            }
            catch (ObjectDisposedException)
            {
                // The subscriber stopped.
            }
        }

        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

        /// <summary>The reasons given since the last call (none: nothing woke it, e.g. its wait timed out).</summary>
        public WakeReasons TakeReasons() => (WakeReasons)Interlocked.Exchange(ref _reasons, 0);

        public void Dispose() => _wake.Dispose();
    }
}

/// <summary>Why the event log's subscribers were woken.</summary>
[Flags]
public enum WakeReasons
{
    None = 0,

    /// <summary>Events were committed here and wait for their positions.</summary>
    Committed = 1,

    /// <summary>Another process positioned events (PostgreSQL NOTIFY, or Redis): there is nothing to position, only to read.</summary>
    Positioned = 2,

    /// <summary>Anything may have happened meanwhile (a listening connection came back): look at everything, as a poll does.</summary>
    Anything = 4,
}
