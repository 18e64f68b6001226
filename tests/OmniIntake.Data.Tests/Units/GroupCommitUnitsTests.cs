using Dapper;
using OmniIntake.Data.Units;
using OmniIntake.Testing;

namespace OmniIntake.Data.Tests.Units;

/// <summary>
/// Issue 17 items 1 and 2: the group-commit runner. The batches are made without timing: every unit first waits on a
/// gate opened only once all of them were handed to the runner, and one pump holds the first batch at the gate, so the
/// rest queue up behind it and form the next batch.
/// </summary>
public sealed class GroupCommitUnitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<DataHarness> HarnessAsync(DatabaseProvider provider)
    {
        var h = await DataHarness.CreateAsync(provider);
        await h.ExecAsync("CREATE TABLE unit_probe (name text PRIMARY KEY)");
        return h;
    }

    /// <summary>A store's write as the inbound path makes it: joined to the unit through <see cref="Database.WriteAsync"/>.</summary>
    private static async Task<string> ProbeAsync(Database database, string name, CancellationToken ct)
    {
        await using var write = await database.WriteAsync(ct);
        await write.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO unit_probe (name) VALUES (@name)", new { name }, write.Transaction,
            cancellationToken: ct));
        await write.CommitAsync(ct);
        return name;
    }

    private static async Task<List<string>> NamesAsync(DataHarness h)
    {
        await using var connection = await h.Database.OpenAsync(Ct);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM unit_probe ORDER BY name", cancellationToken: Ct))).ToList();
    }

    private static GroupCommitUnits OnePump(DataHarness h) => new(h.Database, new GroupCommitOptions { Pumps = 1 });

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AUnitsWrites_AreInvisibleUntilItsCommit_AndWhatFollowsTheCommitRunsAfterIt(DatabaseProvider provider)
    {
        await using var h = await HarnessAsync(provider);
        await using var units = new GroupCommitUnits(h.Database);
        var seenInside = -1;
        Task<List<string>>? seenAfterCommit = null;

        await units.RunAsync(async ct =>
        {
            await ProbeAsync(h.Database, "a", ct);
            await using (var write = await h.Database.WriteAsync(ct))
                write.AfterCommit(() => seenAfterCommit = NamesAsync(h));
            seenInside = (await NamesAsync(h)).Count; // another connection: the unit has not committed
            return 0;
        }, Ct);

        Assert.Equal(0, seenInside);
        Assert.NotNull(seenAfterCommit);
        Assert.Equal(new[] { "a" }, await seenAfterCommit);
        Assert.Equal(new[] { "a" }, await NamesAsync(h));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ConcurrentUnits_ShareCommits_AndAFailingOneFailsAlone(DatabaseProvider provider)
    {
        await using var h = await HarnessAsync(provider);
        await using var units = OnePump(h);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(1, 20).Select(i => units.RunAsync(async ct =>
        {
            await gate.Task;
            var name = await ProbeAsync(h.Database, $"u{i:00}", ct);
            if (i == 7) throw new InvalidOperationException("unit 7 fails");
            return name;
        }, Ct)).ToList();
        gate.SetResult();

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => runs[6]);
        Assert.Equal("unit 7 fails", failed.Message);
        foreach (var (run, i) in runs.Select((r, i) => (r, i + 1)).Where(r => r.Item2 != 7)) Assert.Equal($"u{i:00}", await run);
        Assert.Equal(Enumerable.Range(1, 20).Where(i => i != 7).Select(i => $"u{i:00}"), await NamesAsync(h));
        // The first batch waited at the gate; everything else queued behind it and shared the next commit.
        var counts = units.Counts;
        Assert.InRange(counts.Batches, 1, 2);
        Assert.Equal((19L, 0L), (counts.BatchedUnits, counts.AloneUnits));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AUnitThatConflicts_IsRunAgainAlone_AndTheOthersCommitTogether(DatabaseProvider provider)
    {
        await using var h = await HarnessAsync(provider);
        await using var units = OnePump(h);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conflictedRuns = 0;
        var runs = Enumerable.Range(1, 10).Select(i => units.RunAsync(async ct =>
        {
            await gate.Task;
            var name = await ProbeAsync(h.Database, $"u{i:00}", ct);
            // Its first run meets a concurrent winner (as the intake's duplicate race does): the unit is undone, then run alone.
            if (i == 5 && Interlocked.Increment(ref conflictedRuns) == 1)
            {
                await using var write = await h.Database.WriteAsync(ct);
                await write.RollbackAsync(ct);
            }
            return name;
        }, Ct)).ToList();
        gate.SetResult();

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"u{i:00}"), await Task.WhenAll(runs));
        Assert.Equal(2, conflictedRuns);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"u{i:00}"), await NamesAsync(h));
        var counts = units.Counts;
        Assert.InRange(counts.Batches, 1, 2);
        Assert.Equal((9L, 1L), (counts.BatchedUnits, counts.AloneUnits));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AUnitInsideAUnit_RunsAsPartOfIt(DatabaseProvider provider)
    {
        await using var h = await HarnessAsync(provider);
        await using var units = OnePump(h);

        var inner = await units.RunAsync(async ct =>
        {
            await ProbeAsync(h.Database, "outer", ct);
            return await units.RunAsync(c => ProbeAsync(h.Database, "inner", c), ct); // one pump: queued, it would wait for itself
        }, Ct);

        Assert.Equal("inner", inner);
        Assert.Equal(new[] { "inner", "outer" }, await NamesAsync(h));
        Assert.Equal(new GroupCommitCounts(1, 1, 0), units.Counts);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ACallerCancelledBeforeItsUnitStarted_GetsCancelled_AndTheOthersCommit(DatabaseProvider provider)
    {
        await using var h = await HarnessAsync(provider);
        await using var units = OnePump(h);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // The first holds the pump at the gate; the second's caller gives up while it waits behind it.
        var first = units.RunAsync(async ct => { await gate.Task; return await ProbeAsync(h.Database, "first", ct); }, Ct);
        var second = units.RunAsync(ct => ProbeAsync(h.Database, "second", ct), cancel.Token);
        var third = units.RunAsync(ct => ProbeAsync(h.Database, "third", ct), Ct);
        await cancel.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(("first", "third"), (await first, await third));
        Assert.Equal(new[] { "first", "third" }, await NamesAsync(h));
    }
}
