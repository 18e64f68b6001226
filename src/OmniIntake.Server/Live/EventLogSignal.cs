using OmniIntake.Core.Events;

namespace OmniIntake.Server.Live;

/// <summary>
/// Wakes each subscriber (the event dispatcher, the near-due deadline watcher) as soon as this process committed
/// events; other processes' events are found by polling, or announced over Redis when it is configured (RedisWake).
/// </summary>
public sealed class EventLogSignal : IEventLogSignal
{
    private readonly List<Subscription> _subscribers = [];

    /// <summary>Raised when THIS process committed events (not for wake-ups from elsewhere), to tell other processes.</summary>
    public event Action? CommittedHere;

    public Subscription Subscribe()
    {
        var subscription = new Subscription();
        lock (_subscribers) _subscribers.Add(subscription);
        return subscription;
    }

    public void EventsCommitted()
    {
        Wake();
        CommittedHere?.Invoke();
    }

    /// <summary>Wakes the subscribers: another process committed events.</summary>
    public void Wake()
    {
        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers) subscriber.Wake();
        }
    }

    public sealed class Subscription : IDisposable
    {
        private readonly SemaphoreSlim _wake = new(0, 1);

        internal void Wake()
        {
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

        public void Dispose() => _wake.Dispose();
    }
}
