using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Assignment;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Assignment;

/// <summary>
/// Issue 15: two nodes assigning at the same instant must not put an agent over capacity. Each node's automatic
/// assigner reads the loads, picks the same agent and assigns; the database guard (the agent's row locked while their
/// open cases are counted) lets only one of them fill the last place.
/// </summary>
public sealed class CapacityGuardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodesAssigningAtTheSameInstant_NeverPutAnAgentOverCapacity_OnPostgres()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var nodeA = await HubHost.StartAsync(database, ownsDatabase: false);
        await using var nodeB = await HubHost.StartAsync(database, ownsDatabase: false);
        await AssignmentApiTests.CreateUsersAsync(nodeA, ("wang", "王芳", Roles.Agent));
        using var supervisor = await nodeA.ClientAsync(Roles.Supervisor);
        var storeA = nodeA.Services.GetRequiredService<AssignmentStore>();
        var storeB = nodeB.Services.GetRequiredService<AssignmentStore>();

        // Round n: wang holds n - 1 open cases, capacity n: one place left, two nodes race for it with two new cases.
        const int rounds = 8;
        for (var capacity = 1; capacity <= rounds; capacity++)
        {
            var first = (await supervisor.RegisterAsync($"容量 {capacity}a", phone: $"1380013{8600 + capacity * 2}")).CaseId;
            var second = (await supervisor.RegisterAsync($"容量 {capacity}b", phone: $"1380013{8601 + capacity * 2}")).CaseId;
            using var start = new ManualResetEventSlim();
            var racers = new[] { (storeA, first), (storeB, second) }.Select(r => Task.Run(async () =>
            {
                start.Wait(Ct);
                return await r.Item1.AssignAutomaticallyAsync(r.Item2, "wang", capacity, Ct);
            }, Ct)).ToList();
            start.Set();
            var won = await Task.WhenAll(racers);
            Assert.Equal(1, won.Count(w => w));
            var held = (await supervisor.GetFromJsonAsync<List<CaseSummary>>("/api/cases?open=true&limit=500", Ct))!.Count(c => c.ClaimedBy == "wang");
            Assert.Equal(capacity, held);
            // The loser's case is left unassigned in the queue (it waits for a place), never silently dropped.
            var loser = won[0] ? second : first;
            Assert.Null((await supervisor.GetFromJsonAsync<CaseDetail>($"/api/cases/{loser}", Ct))!.Case.ClaimedBy);
        }
    }
}
