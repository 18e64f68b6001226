namespace OmniIntake.Core.Events;

/// <summary>Told after a transaction that appended events committed, so live push need not wait for a poll.</summary>
public interface IEventLogSignal
{
    void EventsCommitted();
}

public sealed class NoEventLogSignal : IEventLogSignal
{
    public static NoEventLogSignal Instance { get; } = new();

    public void EventsCommitted()
    {
    }
}
