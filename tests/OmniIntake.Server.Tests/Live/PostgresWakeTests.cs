using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Events;
using OmniIntake.Data;
using OmniIntake.Data.Events;
using OmniIntake.Server.Live;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Live;

/// <summary>
/// Two server processes on one PostgreSQL WITHOUT Redis (issue 17 item 5): each pushes to its own agents, and learns of
/// the other's events by LISTEN/NOTIFY, not by its poll. The poll is set to a minute (the longest allowed), so an event
/// that arrives within seconds was not found by polling. PostgreSQL only: embedded SQLite is one process.
/// </summary>
public sealed class PostgresWakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Far shorter than the poll: what arrives within it was announced.</summary>
    private static readonly TimeSpan WellBeforeThePoll = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Live:PollInterval"] = "00:01:00",
        ["Live:RetryDelay"] = "00:00:00.200",
        ["Live:MaxRetryDelay"] = "00:00:01",
    };

    private sealed record Node(HubHost Host, HubConnection Hub, ConcurrentQueue<CaseEvent> Seen, HttpClient Agent) : IAsyncDisposable
    {
        public bool Saw(string caseNumber) => Seen.Any(e => e.CaseNumber == caseNumber && e.Kind == CaseEventKinds.CaseOpened);

        public async ValueTask DisposeAsync()
        {
            Agent.Dispose();
            await Hub.DisposeAsync();
            await Host.DisposeAsync();
        }
    }

    private static async Task<Node> StartAsync(TestDatabase database)
    {
        var host = await HubHost.StartAsync(database, ownsDatabase: false, Settings);
        var seen = new ConcurrentQueue<CaseEvent>();
        var hub = await host.AgentHubAsync();
        hub.On<CaseEvent>(AgentHub.EventMethod, seen.Enqueue);
        await hub.StartAsync(Ct);
        var node = new Node(host, hub, seen, await host.ClientAsync(Roles.Agent));
        // Its own case reaches its own console (a local commit wakes it): the node pushes, its poll just restarted.
        var own = await node.Agent.RegisterAsync("本节点", phone: "13800137000");
        await TestCalls.WithinAsync(WellBeforeThePoll, () => Task.FromResult(node.Saw(own.Number) ? "seen" : null), "its own case");
        return node;
    }

    private static async Task<long> ListenersAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("app", PositionListener.ApplicationName);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ACaseTakenInOnOneNode_ReachesTheOthersConsole_WithoutItsPoll_EvenAfterTheListeningConnectionWasKilled()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await StartAsync(database);
        await using var b = await StartAsync(database);

        var first = await a.Agent.RegisterAsync("另一个节点", phone: "13800137001");
        await TestCalls.WithinAsync(WellBeforeThePoll, () => Task.FromResult(b.Saw(first.Number) ? "seen" : null), "A's case on B's console");

        // The listening connections die (a PostgreSQL restart, a network cut): they come back by themselves.
        Assert.Equal(2, await ListenersAsync(database,
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @app AND datname = current_database()"));
        // A connection shows in pg_stat_activity as it opens, before its LISTEN ran: wait for both nodes to say so too.
        await TestCalls.WithinAsync(WellBeforeThePoll, async () =>
            await ListenersAsync(database, "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND datname = current_database()") == 2
            && new[] { a, b }.All(n => n.Host.Services.GetRequiredService<PostgresWake>().Listening)
                ? "listening" : null, "both listening again");
        Assert.All(new[] { a, b }, n => Assert.True(n.Host.Services.GetRequiredService<PostgresWake>().Listening));

        var second = await a.Agent.RegisterAsync("重新连接之后", phone: "13800137002");
        await TestCalls.WithinAsync(WellBeforeThePoll, () => Task.FromResult(b.Saw(second.Number) ? "seen" : null), "A's next case on B's console");
    }

    [Fact]
    public async Task CasesTakenInOnBothNodesAtOnce_ReachEachConsole_InPositionOrder_WithoutGapsOrRepeats()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await StartAsync(database);
        await using var b = await StartAsync(database);
        var from = new[] { a, b }.ToDictionary(n => n, n => n.Seen.Max(e => e.Position));

        // Both nodes position at once: each pushes what it positioned itself without reading it back, and the other's
        // from the log; neither may skip the other's positions or send one twice.
        var registered = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            (i % 2 == 0 ? a : b).Agent.RegisterAsync($"同时 {i}", phone: $"1380013{7100 + i}")));

        foreach (var node in new[] { a, b })
        {
            var log = node.Host.Services.GetRequiredService<ICaseEventReader>();
            await TestCalls.WithinAsync(WellBeforeThePoll, async () =>
                registered.All(r => node.Saw(r.Number)) && node.Seen.Max(e => e.Position) >= await log.LastPositionAsync(Ct) ? "all" : null,
                "every case (and the whole log) on every console");
            var pushed = node.Seen.Select(e => e.Position).Where(p => p > from[node]).ToList();
            Assert.Equal(Enumerable.Range(1, pushed.Count).Select(i => from[node] + i), pushed);
        }
    }
}
