using OmniIntake.Core.Polling;
using OmniIntake.Data.Polling;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Polling;

/// <summary>The lease that keeps two pollers (two server processes included) off one mailbox, and the cursor behind it.</summary>
public sealed class PollerStateStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OneHolderAtATime_UntilTheLeaseRunsOut_AndALostLeaseCannotMoveTheCursor(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var store = new SqlPollerStateStore(data.Database, data.Clock);

        Assert.True(await store.TryLeaseAsync("imap:box", "process-a", Ttl, Ct));
        Assert.False(await store.TryLeaseAsync("imap:box", "process-b", Ttl, Ct)); // held
        Assert.True(await store.TryLeaseAsync("imap:box", "process-a", Ttl, Ct)); // renewed by its holder
        Assert.True(await store.AdvanceAsync("imap:box", "process-a", new PollerCursor("1795545036", 50), 50, Ct));
        Assert.False(await store.AdvanceAsync("imap:box", "process-b", new PollerCursor("1795545036", 99), 1, Ct));

        // Process A stalls (or dies): once its lease runs out, B takes over, and A can no longer move the cursor.
        data.Clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        Assert.True(await store.TryLeaseAsync("imap:box", "process-b", Ttl, Ct));
        Assert.False(await store.AdvanceAsync("imap:box", "process-a", new PollerCursor("1795545036", 60), 10, Ct));
        Assert.True(await store.AdvanceAsync("imap:box", "process-b", new PollerCursor("1795545036", 70), 20, Ct));
        Assert.Equal(new PollerCursor("1795545036", 70), await store.CursorAsync("imap:box", Ct));

        await store.ReleaseAsync("imap:box", "process-b", Ct);
        Assert.True(await store.TryLeaseAsync("imap:box", "process-a", Ttl, Ct)); // released: free at once
        var state = Assert.Single(await store.ListAsync(Ct));
        Assert.Equal((70L, "process-a"), (state.Taken, state.LeaseHolder));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ManyContenders_AtOnce_OnlyOneWins(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var store = new SqlPollerStateStore(data.Database, data.Clock);

        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => store.TryLeaseAsync("imap:contended", $"process-{i}", Ttl, Ct)));

        Assert.Equal(1, wins.Count(w => w));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Outcomes_MakeAStalledOrFailingPollerVisible(DatabaseProvider provider)
    {
        await using var data = await DataHarness.CreateAsync(provider);
        var store = new SqlPollerStateStore(data.Database, data.Clock);
        await store.RecordAsync("imap:box", null, Ct);
        data.Clock.Advance(TimeSpan.FromMinutes(11));
        await store.RecordAsync("imap:box", "The server refused the login", Ct);

        var state = Assert.Single(await store.ListAsync(Ct));

        Assert.Equal((1, "The server refused the login"), (state.Failures, state.LastError));
        Assert.True(state.IsStalled(data.Clock.GetUtcNow(), TimeSpan.FromMinutes(10)));
        Assert.False(state.IsStalled(data.Clock.GetUtcNow(), TimeSpan.FromMinutes(20)));
    }
}
