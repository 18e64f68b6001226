using OmniIntake.Server.Live;

namespace OmniIntake.Server.Tests.Live;

/// <summary>
/// A wake-up says why (issue 17 item 5), so the dispatcher skips the round trips that reason does not need: every
/// reason given before the subscriber takes them is kept, and none is given twice.
/// </summary>
public sealed class EventLogSignalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryReasonGivenBeforeTheWaiterWakes_IsTakenOnce()
    {
        var signal = new EventLogSignal();
        using var subscription = signal.Subscribe();

        signal.Wake(WakeReasons.Positioned);
        signal.EventsCommitted();

        Assert.True(await subscription.WaitAsync(TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(WakeReasons.Positioned | WakeReasons.Committed, subscription.TakeReasons());
        Assert.Equal(WakeReasons.None, subscription.TakeReasons());
        // One wake-up covered both: nothing is left to wake for.
        Assert.False(await subscription.WaitAsync(TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task EachSubscriberGetsTheReason_AndAnotherProcesssPositionsAreOnlyToRead()
    {
        var signal = new EventLogSignal();
        using var dispatcher = signal.Subscribe();
        using var watcher = signal.Subscribe();

        signal.Wake(WakeReasons.Positioned);

        foreach (var subscription in new[] { dispatcher, watcher })
        {
            Assert.True(await subscription.WaitAsync(TimeSpan.FromMinutes(1), Ct));
            Assert.Equal(WakeReasons.Positioned, subscription.TakeReasons());
        }
    }
}
