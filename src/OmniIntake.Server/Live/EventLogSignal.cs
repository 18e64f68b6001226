using OmniIntake.Core.Events;

namespace OmniIntake.Server.Live;

/// <summary>Wakes the dispatcher as soon as this process committed events; other processes' events are found by polling.</summary>
public sealed class EventLogSignal : IEventLogSignal, IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void EventsCommitted()
    {
        try
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every commit before it.
        }
    }

    public void Dispose() => _wake.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
