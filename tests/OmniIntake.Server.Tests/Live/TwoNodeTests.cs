using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Events;
using OmniIntake.Data;
using OmniIntake.Server.Channels;
using OmniIntake.Server.Live;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Live;

/// <summary>Two server processes on one PostgreSQL behind the Redis backplane (issue 7).</summary>
public sealed class TwoNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Node(HubHost Host, HubConnection Hub, ConcurrentQueue<CaseEvent> Seen, EventDispatcher Dispatcher);

    private static async Task<Node> StartAsync(TestDatabase database, Dictionary<string, string?> settings)
    {
        var host = await HubHost.StartAsync(database, ownsDatabase: false, settings);
        var seen = new ConcurrentQueue<CaseEvent>();
        var hub = await host.AgentHubAsync();
        hub.On<CaseEvent>(AgentHub.EventMethod, seen.Enqueue);
        await hub.StartAsync(Ct);
        return new Node(host, hub, seen, host.Services.GetServices<IHostedService>().OfType<EventDispatcher>().Single());
    }

    [Fact]
    public async Task ACaseTakenInOnOneNode_ReachesAgentsOnBoth_ExactlyOnce_AndTheOtherNodeTakesOverPushing()
    {
        var settings = TestRedis.Settings("t" + Guid.NewGuid().ToString("N"));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var nodes = new List<Node> { await StartAsync(database, settings), await StartAsync(database, settings) };
        try
        {
            using var agentA = await nodes[0].Host.ClientAsync(Roles.Agent);
            using var agentB = await nodes[1].Host.ClientAsync(Roles.Agent);
            await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(nodes.Any(n => n.Dispatcher.Dispatching) ? "led" : null),
                "a dispatching node");

            var registered = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                (i % 2 == 0 ? agentA : agentB).RegisterAsync($"两个节点 {i}", phone: $"1380013{8100 + i}")));

            foreach (var node in nodes)
                await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(
                    registered.All(r => node.Seen.Any(e => e.CaseNumber == r.Number && e.Kind == CaseEventKinds.CaseOpened)) ? "all" : null),
                    "every case on both nodes");
            await Task.Delay(TimeSpan.FromSeconds(1), Ct); // time for a duplicate to arrive, were there one
            Assert.Equal(1, nodes.Count(n => n.Dispatcher.Dispatching)); // one pusher: with the backplane, two would double every event
            Assert.All(nodes, n => Assert.All(n.Seen.GroupBy(e => e.Position), g => Assert.Single(g)));
            // Who is online is known across processes: a supervisor on A is listed on B's board.
            await using (var supervisorOnA = await nodes[0].Host.AgentHubAsync(Roles.Supervisor))
            {
                await supervisorOnA.StartAsync(Ct);
                using var boardReader = await nodes[1].Host.ClientAsync(Roles.Supervisor);
                await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), async () =>
                    (await boardReader.GetFromJsonAsync<OmniIntake.Server.Supervision.BoardView>("/api/board", Ct))!.Online.Contains("only-supervisor")
                        ? "listed" : null, "the supervisor on A listed on B");
            }

            // The pushing node stops; the other goes on from the recorded position, and its agents still see new cases.
            var leader = nodes.Single(n => n.Dispatcher.Dispatching);
            var survivor = nodes.Single(n => n != leader);
            await leader.Hub.DisposeAsync();
            await leader.Host.DisposeAsync();
            nodes.Remove(leader);
            using var agent = await survivor.Host.ClientAsync(Roles.Agent);
            var later = await agent.RegisterAsync("接管之后", phone: "13800139999");

            await TestCalls.WithinAsync(TimeSpan.FromSeconds(15), () => Task.FromResult(survivor.Seen.FirstOrDefault(e => e.CaseNumber == later.Number)),
                "the case after the hand-over");
            Assert.True(survivor.Dispatcher.Dispatching);
            using var supervisor = await survivor.Host.ClientAsync(Roles.Supervisor);
            var lease = (await supervisor.GetFromJsonAsync<List<PollerView>>("/api/channels/pollers", Ct))!.Single(p => p.Name == EventDispatcher.LeaseName);
            Assert.True(lease.Taken >= 7, $"pushed {lease.Taken}");
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.Hub.DisposeAsync();
                await node.Host.DisposeAsync();
            }
        }
    }
}
