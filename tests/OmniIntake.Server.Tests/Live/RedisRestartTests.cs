using OmniIntake.Data;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Live;

/// <summary>Two server processes behind a Redis that restarts under load (issue 12, item 1): a lost dependency never stops a node.</summary>
public sealed class RedisRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RedisRestartedThreeTimesUnderLoad_BothNodesStayUp_AndKeepPushingToTheirConsoles()
    {
        using var redis = await PrivateRedis.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Live:Redis"] = redis.Connection, ["Live:RedisChannelPrefix"] = "restart" + Guid.NewGuid().ToString("N"),
            ["Live:LeaderLease"] = "00:00:03", ["Live:RetryDelay"] = "00:00:00.500",
        };
        // One after the other: the first migrates the database.
        await using var a = await LiveNode.StartAsync(settings, Ct);
        await using var b = await LiveNode.StartAsync(settings, Ct);
        LiveNode[] nodes = [a, b];
        var load = new SteadyLoad();
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loading = load.RunAsync(nodes, perSecond: 10, stopLoad.Token);
        try
        {
            for (var restart = 1; restart <= 3; restart++)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), Ct); // messages flowing through the backplane when it goes
                await redis.RestartAsync(down: TimeSpan.FromSeconds(3));

                foreach (var (node, name) in nodes.Zip(["A", "B"]))
                {
                    Assert.False(node.Process.HasExited, $"node {name} exited after Redis restart {restart}:\n{node.Process.Output}");
                    Assert.True((await node.Http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).IsSuccessStatusCode,
                        $"node {name} does not answer after Redis restart {restart}");
                }
                // A complaint taken in by one node after the restart reaches the consoles on both: pushed, or fetched by the
                // console's catch-up when a later push shows the gap (Redis pub/sub drops what is published while a node
                // is still resubscribing; the console fills gaps, console.js).
                var marker = await TestCalls.WithinAsync(TimeSpan.FromSeconds(30),
                    () => nodes[restart % 2].TryRegisterAsync($"重启之后 {restart}", $"1370000000{restart}", Ct), "a registration after the restart");
                foreach (var (node, name) in nodes.Zip(["A", "B"]))
                {
                    var until = DateTime.UtcNow + TimeSpan.FromSeconds(45);
                    while (!node.Has(marker) && DateTime.UtcNow < until) await Task.Delay(100, Ct);
                    Assert.True(node.Has(marker), $"case {marker} not pushed to the console on node {name} after Redis restart {restart} (console reconnects: "
                        + $"A {a.Reconnects}, B {b.Reconnects}; Redis channels: {await redis.CommandAsync("PUBSUB CHANNELS *")}):\n{node.Process.Output}");
                }
            }
        }
        finally
        {
            await stopLoad.CancelAsync();
            await loading;
        }
        Assert.False(a.Process.HasExited || b.Process.HasExited, "a node exited");
        Assert.NotEmpty(load.Registered);
    }
}
