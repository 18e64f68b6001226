using System.Diagnostics;
using System.Globalization;
using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Live;

/// <summary>
/// Two server processes behind Redis under a steady stream of complaints (issue 12, item 4): the pusher's recorded
/// position keeps up with the event log and no console receives an event twice. 100 a second for 20 s by default;
/// OMNIINTAKE_LIVE_LOAD_SECONDS / OMNIINTAKE_LIVE_LOAD_RATE set another figure (bench/run-live-push.sh runs 60 s).
/// </summary>
public sealed class LivePushLoadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    [Fact]
    public async Task TwoNodesUnderSteadyLoad_TheCursorKeepsUp_AndNoConsoleReceivesAnEventTwice()
    {
        var seconds = Setting("OMNIINTAKE_LIVE_LOAD_SECONDS", 20);
        var rate = Setting("OMNIINTAKE_LIVE_LOAD_RATE", 100);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?>(TestRedis.Settings("load" + Guid.NewGuid().ToString("N")))
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database.Options.ConnectionString,
            // A short lease (3 s, TestRedis's): a pass that outlasts it is what stuck the cursor.
        };
        await using var a = await LiveNode.StartAsync(settings, Ct);
        await using var b = await LiveNode.StartAsync(settings, Ct);
        LiveNode[] nodes = [a, b];

        var load = new SteadyLoad();
        using var stopLoad = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var loading = load.RunAsync(nodes, rate, stopLoad.Token);
        long worstLag = 0;
        while (!loading.IsCompleted)
        {
            var head = await a.HeadAsync(Ct);
            var cursor = await a.PushCursorAsync(Ct);
            if (cursor >= 0) worstLag = Math.Max(worstLag, head - cursor);
            await Task.WhenAny(loading, Task.Delay(TimeSpan.FromSeconds(1), Ct));
        }
        await loading;

        // After the load the pusher reaches the head of the log, and both consoles have every complaint.
        var end = await a.HeadAsync(Ct);
        var drained = Stopwatch.StartNew();
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(30), async () => await a.PushCursorAsync(Ct) >= end ? "caught up" : null,
            $"the push cursor reaching position {end} (it is at {await a.PushCursorAsync(Ct)}):\nnode A:\n{a.Process.Output}\nnode B:\n{b.Process.Output}");
        var catchUp = drained.Elapsed;
        foreach (var (node, name) in nodes.Zip(["A", "B"]))
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!load.Registered.All(node.Saw) && DateTime.UtcNow < until) await Task.Delay(200, Ct);
            Assert.True(load.Registered.All(node.Saw), $"the console of node {name} has {load.Registered.Count(node.Saw)} of {load.Registered.Count} "
                + $"complaints (reconnects: A {a.Reconnects}, B {b.Reconnects}); positions never pushed to it: {Gaps(node, end)}\nnode A:\n{Tail(a)}\nnode B:\n{Tail(b)}");
        }
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // time for a repeat to arrive, were there one

        var repeats = nodes.Select(n => n.Seen.GroupBy(e => e.Position).Sum(g => g.Count() - 1)).ToList();
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"live push: {load.Registered.Count} complaints in {load.Elapsed.TotalSeconds:F1} s ({load.Registered.Count / load.Elapsed.TotalSeconds:F1}/s asked {rate}/s, "
            + $"{load.Refused} refused); head {end} when the load stopped, {nodes.Max(n => n.Seen.Max(e => e.Position))} events pushed in all; "
            + $"worst cursor lag behind the head {worstLag} events; caught up {catchUp.TotalSeconds:F1} s after the load; "
            + $"repeated events per console: A {repeats[0]}, B {repeats[1]}");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        // Also beside the test's binaries, where bench/run-live-push.sh prints it from.
        var result = string.Create(CultureInfo.InvariantCulture,
            $"RESULT live-push complaints={load.Registered.Count} seconds={load.Elapsed.TotalSeconds:F1} asked_rate={rate} worst_cursor_lag={worstLag} "
            + $"caught_up_s={catchUp.TotalSeconds:F1} repeats_a={repeats[0]} repeats_b={repeats[1]}");
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "live-push-figures.txt"), figures + Environment.NewLine + result + Environment.NewLine, Ct);
        Assert.True(load.Registered.Count >= rate * seconds / 4, $"the load did not run: {figures}");
        Assert.Equal([0, 0], repeats);
    }

    private static string Tail(LiveNode node) => node.Process.Output[Math.Max(0, node.Process.Output.Length - 6000)..];

    /// <summary>The positions up to <paramref name="end"/> a console never received, as ranges.</summary>
    private static string Gaps(LiveNode node, long end)
    {
        var seen = node.Seen.Select(e => e.Position).ToHashSet();
        var first = seen.Count == 0 ? 1 : seen.Min();
        var ranges = new List<string>();
        for (var p = first; p <= end; p++)
        {
            if (seen.Contains(p)) continue;
            var from = p;
            while (p + 1 <= end && !seen.Contains(p + 1)) p++;
            ranges.Add(from == p ? $"{from}" : $"{from}-{p}");
        }
        return $"from {first}: " + (ranges.Count == 0 ? "none" : string.Join(", ", ranges.Take(20)));
    }
}
