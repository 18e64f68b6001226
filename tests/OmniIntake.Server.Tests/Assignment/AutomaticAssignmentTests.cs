using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Assignment;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Assignment;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Assignment;

/// <summary>
/// Automatic assignment (issue 15 item 5) with real consoles connected: round robin within the capacity, away and
/// offline agents skipped, a case nobody can take waits in the queue; and two server processes sharing presence and
/// who is looking (item 6) through the database and the Redis backplane.
/// </summary>
public sealed class AutomaticAssignmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Automatic(int capacity) => new()
    {
        ["Assignment:Automatic"] = "true", ["Assignment:Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Assignment:Interval"] = "00:00:00.200",
    };

    private static async Task<CaseDetail> CaseAsync(HttpClient client, long id) => (await client.GetFromJsonAsync<CaseDetail>($"/api/cases/{id}", Ct))!;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task NewCases_GoRoundRobinToOnlineAgents_WithinCapacity_SkippingAway_AndTheRestWait(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, Automatic(capacity: 2));
        await AssignmentApiTests.CreateUsersAsync(host, ("a1", "甲", Roles.Agent), ("a2", "乙", Roles.Agent), ("a3", "丙", Roles.Agent),
            ("a4", "丁", Roles.Agent));
        using var a3 = await host.ClientForUserAsync("a3");
        (await a3.PutAsJsonAsync("/api/agents/me/availability", new { away = true }, Ct)).EnsureSuccessStatusCode();
        var consoles = new List<HubConnection>();
        foreach (var name in new[] { "a1", "a2", "a3" }) // a4 has no console open: offline
        {
            var hub = await host.AgentHubForUserAsync(name);
            await hub.StartAsync(Ct);
            consoles.Add(hub);
        }
        try
        {
            using var supervisor = await host.ClientAsync(Roles.Supervisor);
            var registered = new List<long>();
            for (var i = 0; i < 5; i++) registered.Add((await supervisor.RegisterAsync($"自动分配 {i}", phone: $"1380013{8400 + i}")).CaseId);

            var holders = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            {
                var now = new List<string?>();
                foreach (var id in registered) now.Add((await CaseAsync(supervisor, id)).Case.ClaimedBy);
                return now.Count(h => h is not null) == 4 ? now : null;
            }, "four cases assigned");
            Assert.Equal(2, holders.Count(h => h == "a1"));
            Assert.Equal(2, holders.Count(h => h == "a2"));
            Assert.Null(holders[4]); // both online agents are full; a3 is away, a4 offline: the case waits, unassigned
            Assert.Contains((await supervisor.GetFromJsonAsync<List<CaseSummary>>("/api/cases?unassigned=true", Ct))!, c => c.Id == registered[4]);
            var audit = (await CaseAsync(supervisor, registered[0])).Audit.Single(a => a.Action == "case.assigned");
            Assert.Equal("system", audit.Actor);
            Assert.Contains("\"automatic\":true", audit.Detail, StringComparison.Ordinal);

            // a3 comes back: the waiting case is placed at once.
            (await a3.PutAsJsonAsync("/api/agents/me/availability", new { away = false }, Ct)).EnsureSuccessStatusCode();
            await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () => (await CaseAsync(supervisor, registered[4])).Case.ClaimedBy == "a3" ? "a3" : null,
                "the waiting case given to a3");

            // A case a person gives back to the queue stays there: a2 releases one, and nobody is given it again.
            using var a2 = await host.ClientForUserAsync("a2");
            var released = registered[holders.IndexOf("a2")];
            (await a2.PostAsync($"/api/cases/{released}/release", null, Ct)).EnsureSuccessStatusCode();
            var assigner = host.Services.GetServices<IHostedService>().OfType<AutoAssigner>().Single();
            await assigner.PassAsync(Ct);
            Assert.Null((await CaseAsync(supervisor, released)).Case.ClaimedBy);
        }
        finally
        {
            foreach (var hub in consoles) await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoNodes_ShareWhoIsOnline_AndWhoIsLooking()
    {
        var settings = TestRedis.Settings("a" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in Automatic(capacity: 5)) settings[key] = value;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nodeA = await HubHost.StartAsync(database, ownsDatabase: false, settings);
        await using var nodeB = await HubHost.StartAsync(database, ownsDatabase: false, settings);
        await AssignmentApiTests.CreateUsersAsync(nodeA, ("wang", "王芳", Roles.Agent), ("li", "李强", Roles.Agent));
        using var li = await nodeB.ClientForUserAsync("li");
        (await li.PutAsJsonAsync("/api/agents/me/availability", new { away = true }, Ct)).EnsureSuccessStatusCode();
        await using var wangOnA = await nodeA.AgentHubForUserAsync("wang");
        await using var liOnB = await nodeB.AgentHubForUserAsync("li");
        var wangHears = new ConcurrentQueue<string>();
        wangOnA.On<long, List<CaseViewer>>(CaseViewers.ViewersMethod, (_, list) => wangHears.Enqueue("viewers:" + string.Join(",", list.Select(v => v.Username))));
        wangOnA.On<long, CaseViewer>(CaseViewers.TypingMethod, (_, who) => wangHears.Enqueue("typing:" + who.DisplayName));
        await wangOnA.StartAsync(Ct);
        await liOnB.StartAsync(Ct);

        // wang's console is open on A only; a case taken in on B goes to wang (li is away).
        using var supervisorOnB = await nodeB.ClientAsync(Roles.Supervisor);
        var kase = await supervisorOnB.RegisterAsync("两个节点的自动分配", phone: "13800138501");
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () => (await CaseAsync(supervisorOnB, kase.CaseId)).Case.ClaimedBy == "wang" ? "wang" : null,
            "the case on B given to wang, online on A");
        var load = (await supervisorOnB.GetFromJsonAsync<TeamLoad>("/api/agents/load", Ct))!;
        Assert.True(load.Agents.Single(a => a.Username == "wang").Online);

        // Both open the case, each on their own node: each sees the other, and li's typing reaches wang on A.
        var first = await wangOnA.InvokeAsync<List<CaseViewer>>("ViewCase", kase.CaseId, Ct);
        var second = await liOnB.InvokeAsync<List<CaseViewer>>("ViewCase", kase.CaseId, Ct);
        Assert.Equal(["wang"], first.Select(v => v.Username));
        Assert.Equal(["li", "wang"], second.Select(v => v.Username));
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(wangHears.Contains("viewers:li,wang") ? "seen" : null),
            "wang told li opened the case");
        await liOnB.InvokeAsync("Typing", kase.CaseId, Ct);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(wangHears.Contains("typing:李强") ? "typing" : null),
            "li's typing shown to wang");

        // li closes the console: wang is told li is gone.
        await liOnB.StopAsync(Ct);
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(wangHears.Reverse().FirstOrDefault(h => h.StartsWith("viewers:", StringComparison.Ordinal)) == "viewers:wang" ? "gone" : null),
            "li gone from the viewers");
    }
}
