using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Supervision;

namespace OmniIntake.Server.Tests.Supervision;

/// <summary>The supervisors' board (issue 7): the live picture, the trends and their drill-down, for supervisors only.</summary>
public sealed class BoardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TheBoard_CountsOpenCasesAgainstTheirWindow_ByChannelDepartmentAndAgent(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, new Dictionary<string, string?> { ["Policy:FixedForwardingWindow"] = "01:00:00" });
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        await using var console = await host.AgentHubAsync(Roles.Supervisor); // someone online
        await console.StartAsync(Ct);
        var a = await agent.RegisterAsync("一", phone: "13800138091");
        var b = await agent.RegisterAsync("二", phone: "13800138092");
        var c = await agent.RegisterAsync(new { channel = "letter", text = "三" });
        var department = await admin.PostAsJsonAsync("/api/departments", new { code = "property", name = "物业" }, Ct);
        var departmentId = (await department.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetInt64();
        (await agent.PostAsJsonAsync($"/api/cases/{c.CaseId}/forward", new ForwardRequest(departmentId, null), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/cases/{b.CaseId}/claim", null, Ct)).EnsureSuccessStatusCode();

        // The hub records a connection just after the client's handshake: wait for it.
        var view = await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            var v = (await supervisor.GetFromJsonAsync<BoardView>("/api/board", Ct))!;
            return v.Online.Contains("only-supervisor") ? v : null;
        }, "the supervisor online");

        Assert.Equal((2L, 0L, 0L, 1L), (view.Board.InWindow, view.Board.AtRisk, view.Board.Breached, view.Board.AwaitingAnswer));
        Assert.Equal(2, view.Board.ByChannel.Single(r => r.Key == "phone").InWindow);
        Assert.Equal(1, view.Board.ByDepartment.Single(r => r.Key == "property").Open);
        Assert.Equal(1, view.Board.ByAgent.Single(r => r.Key == "only-agent").InWindow);
        Assert.Equal(a.Number, view.Board.OldestWaiting!.Number);

        var days = (await supervisor.GetFromJsonAsync<List<TrendPoint>>("/api/board/trends?by=day&count=3", Ct))!;
        Assert.Equal(3, days.Count);
        Assert.Equal(3, days[^1].Cases);
        var drilled = (await supervisor.GetFromJsonAsync<List<CaseSummary>>($"/api/cases?from={days[^1].From:yyyy-MM-dd}&to={days[^1].To:yyyy-MM-dd}", Ct))!;
        Assert.Equal(3, drilled.Count);
        Assert.Empty((await supervisor.GetFromJsonAsync<List<CaseSummary>>($"/api/cases?from={days[0].From:yyyy-MM-dd}&to={days[0].To:yyyy-MM-dd}", Ct))!);
        Assert.Equal(6, (await supervisor.GetFromJsonAsync<List<TrendPoint>>("/api/board/trends?by=month", Ct))!.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/board/trends?by=year", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheBoardPage_IsForSupervisors()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var agent = await host.ClientAsync(Roles.Agent);

        var page = await supervisor.GetAsync("/supervisor", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("chart.umd.min.js", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync("/supervisor", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/board", Ct)).StatusCode);
    }
}
