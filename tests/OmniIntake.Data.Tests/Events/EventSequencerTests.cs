using Dapper;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Events;

public sealed class EventSequencerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LateCommit_IsNotSkipped_ByACursorThatMovedPastLaterIds()
    {
        // PostgreSQL only: SQLite's single writer cannot hold a transaction open beside another writer.
        await using var h = await DataHarness.CreateAsync(DatabaseProvider.Postgres);
        await using var slow = await h.Database.OpenAsync(Ct);
        await using var slowTx = await slow.BeginTransactionAsync(Ct);
        // A transaction takes an event id first and commits last.
        await slow.ExecuteAsync("INSERT INTO events (kind, case_id, case_number, occurred_at, data) VALUES ('test.slow', 0, 'X', now(), '{}')",
            transaction: slowTx);

        var fast = await h.Intake.AcceptAsync(h.Sms("+8613800138000", "fast"), Ct);
        await h.Sequencer.StampAsync(Ct);
        var seen = await h.Events.ReadAfterAsync(0, 100, Ct);
        Assert.Equal([1L], seen.Select(e => e.Position));
        Assert.Equal(fast.CaseNumber, seen[0].CaseNumber);

        await slowTx.CommitAsync(Ct);
        await h.Sequencer.StampAsync(Ct);
        var caughtUp = await h.Events.ReadAfterAsync(seen[^1].Position, 100, Ct);

        var late = Assert.Single(caughtUp);
        Assert.Equal("test.slow", late.Kind);
        Assert.Equal(2, late.Position);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Positions_AreDense_AndFollowTheLog(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        for (var i = 0; i < 5; i++) await h.Intake.AcceptAsync(h.Sms("+861380013800" + i, $"complaint {i}"), Ct);

        Assert.Equal(5, await h.Sequencer.StampAsync(Ct));
        Assert.Equal(0, await h.Sequencer.StampAsync(Ct));
        var all = await h.Events.ReadAfterAsync(0, 100, Ct);
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(e => e.Position));
        Assert.Equal([3L, 4, 5], (await h.Events.ReadAfterAsync(2, 100, Ct)).Select(e => e.Position));
        Assert.Equal(5, await h.Events.LastPositionAsync(Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Positioning_HandsBackExactlyWhatItPositioned_AsTheLogHasIt(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        await h.Intake.AcceptAsync(h.Sms("+8613800138010", "before"), Ct);
        await h.Sequencer.StampAsync(Ct);
        var before = await h.Events.LastPositionAsync(Ct);
        for (var i = 0; i < 3; i++) await h.Intake.AcceptAsync(h.Sms("+861380013802" + i, $"after {i}"), Ct);

        var positioned = await h.Sequencer.PositionAsync(Ct);

        // The dispatcher pushes these instead of reading them back (issue 17 item 5): they must be the log's rows.
        var log = await h.Events.ReadAfterAsync(before, 100, Ct);
        Assert.True(log.Count >= 3);
        Assert.Equal(log.Count, positioned.Count);
        Assert.Equal(log, positioned.Events);
        Assert.Equal(0, (await h.Sequencer.PositionAsync(Ct)).Count);
    }

    [Fact]
    public async Task ConcurrentStampers_NeverGiveOnePositionTwice()
    {
        await using var h = await DataHarness.CreateAsync(DatabaseProvider.Postgres);
        var writers = Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => h.Intake.AcceptAsync(h.Sms("+86138001" + (38000 + i), $"c{i}")))));
        var stampers = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writers.IsCompleted) await h.Sequencer.StampAsync();
        })));
        await writers;
        await stampers;
        await h.Sequencer.StampAsync(Ct);

        var all = await h.Events.ReadAfterAsync(0, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), all.Select(e => e.Position));
    }

    [Fact]
    public async Task ConcurrentStampersToldOfACommit_SkippingTheCheck_NeverGiveOnePositionTwice_NorHandBackAnotherOnesEvents()
    {
        // Issue 17 item 5: told of a commit, the sequencer positions in one batch without BEGIN/COMMIT on PostgreSQL
        // (the server's implicit transaction), so the lock must still order the stampers and each hand back only its own.
        await using var h = await DataHarness.CreateAsync(DatabaseProvider.Postgres);
        var writers = Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => h.Intake.AcceptAsync(h.Sms("+86138002" + (38000 + i), $"c{i}")))));
        var handedBack = new System.Collections.Concurrent.ConcurrentBag<long>();
        var stampers = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writers.IsCompleted)
                foreach (var e in (await h.Sequencer.PositionAsync(justCommitted: true)).Events) handedBack.Add(e.Position);
        })));
        await writers;
        await stampers;
        foreach (var e in (await h.Sequencer.PositionAsync(justCommitted: true, Ct)).Events) handedBack.Add(e.Position);

        var all = await h.Events.ReadAfterAsync(0, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), all.Select(e => e.Position));
        Assert.Equal(all.Select(e => e.Position), handedBack.Order());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ToldOfACommit_ItPositionsAsAfterTheCheck_AndFindingNothingPositionsNothing(DatabaseProvider provider)
    {
        await using var h = await DataHarness.CreateAsync(provider);
        for (var i = 0; i < 3; i++) await h.Intake.AcceptAsync(h.Sms("+861380013803" + i, $"told {i}"), Ct);

        var positioned = await h.Sequencer.PositionAsync(justCommitted: true, Ct);

        Assert.Equal(3, positioned.Count);
        Assert.Equal(await h.Events.ReadAfterAsync(0, 100, Ct), positioned.Events);
        // A wake-up whose events another pass positioned already: nothing more, and the positions stay dense.
        Assert.Equal(0, (await h.Sequencer.PositionAsync(justCommitted: true, Ct)).Count);
        await h.Intake.AcceptAsync(h.Sms("+8613800138039", "later"), Ct);
        Assert.Equal([4L], (await h.Sequencer.PositionAsync(justCommitted: true, Ct)).Events.Select(e => e.Position));
    }

    [Fact]
    public async Task OtherProcesses_AreToldOnlyWhenSomethingWasPositioned()
    {
        await using var h = await DataHarness.CreateAsync(DatabaseProvider.Postgres);
        await using var listener = (Npgsql.NpgsqlConnection)await h.Database.OpenAsync(Ct);
        var told = 0;
        listener.Notification += (_, _) => told++;
        await listener.ExecuteAsync($"LISTEN {OmniIntake.Data.Events.EventSequencer.PositionedChannel}");

        // Told of a commit whose events another stamper already positioned: nothing to do, nobody woken.
        await h.Intake.AcceptAsync(h.Sms("+8613800138040", "已被定位"), Ct);
        await h.Sequencer.StampAsync(Ct);
        while (await listener.WaitAsync(TimeSpan.FromMilliseconds(300), Ct)) { }
        told = 0;
        var nothing = await h.Sequencer.PositionAsync(justCommitted: true, Ct);
        Assert.Equal(0, nothing.Count);
        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(500), Ct));
        Assert.Equal(0, told);

        await h.Intake.AcceptAsync(h.Sms("+8613800138041", "新的"), Ct);
        Assert.True((await h.Sequencer.PositionAsync(justCommitted: true, Ct)).Count > 0);
        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Equal(1, told);
    }
}
