using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Testing;

namespace OmniIntake.Server.Tests.Deadlines;

/// <summary>Two server processes on one PostgreSQL: numbers stay unique and each breach fires once.</summary>
public sealed class TwoProcessTests
{
    [Fact]
    public async Task TwoServers_OnOneDatabase_FireEachBreachOnce_AndNeverShareANumber()
    {
        var window = new Dictionary<string, string?> { ["Policy:FixedForwardingWindow"] = "00:00:03" };
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await HubHost.StartAsync(database, ownsDatabase: false, window);
        await using var b = await HubHost.StartAsync(database, ownsDatabase: false, window);
        using var agentA = await a.ClientAsync(Roles.Agent);
        using var agentB = await b.ClientAsync(Roles.Agent);

        // Interleaved, so that each process's commits wake its own sweep and both arm timers for every deadline.
        var registered = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? agentA : agentB).RegisterAsync($"complaint {i}", phone: $"1380013{8000 + i}")));

        Assert.Equal(12, registered.Select(r => r.Number).Distinct().Count());
        foreach (var r in registered)
        {
            var detail = await TestCalls.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            {
                var d = await agentA.GetFromJsonAsync<CaseDetail>($"/api/cases/{r.Number}");
                return d!.Deadlines.Single().State == "breached" ? d : null;
            }, $"the breach of {r.Number}");
            Assert.Single(detail.Audit, x => x.Action == "deadline.breached");
        }
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        foreach (var r in registered)
        {
            var detail = await agentB.GetFromJsonAsync<CaseDetail>($"/api/cases/{r.Number}", TestContext.Current.CancellationToken);
            Assert.Single(detail!.Audit, x => x.Action == "deadline.breached");
        }
    }
}
