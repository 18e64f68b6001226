using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Reports;
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

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TheTrends_CountReceivedForwardedAndAnswered_InTimeAndLate_ByChannelDepartmentAndPeriod(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var property = (await (await admin.PostAsJsonAsync("/api/departments", new { code = "property", name = "物业" }, Ct))
            .Content.ReadFromJsonAsync<Data.Departments.DepartmentView>(Ct))!.Id;
        (await admin.PostAsJsonAsync("/api/users", new { username = "property-owner", password = HubHost.UserPassword, roles = new[] { "owner" }, departmentId = property }, Ct))
            .EnsureSuccessStatusCode();
        using var owner = await host.ClientForUserAsync("property-owner");
        var inTime = await agent.RegisterAsync("电梯坏了", phone: "13800138071");
        var late = await agent.RegisterAsync("停车费乱收", phone: "13800138072");
        await agent.RegisterAsync(new { channel = "letter", text = "来信反映噪音" });
        foreach (var c in new[] { inTime, late })
            (await agent.PostAsJsonAsync($"/api/cases/{c.CaseId}/forward", new ForwardRequest(property, null), Ct)).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync($"/api/cases/{inTime.CaseId}/answer", new { text = "已修好" }, Ct)).EnsureSuccessStatusCode();
        // The second case's clocks ran out (the deadline sweep's own tests cover how): its forwarding and answer deadlines were missed.
        await using (var connection = await host.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            await using var breach = connection.CreateCommand();
            breach.CommandText = $"UPDATE deadlines SET state = 'breached' WHERE case_id = {late.CaseId} AND kind IN ('forward', 'ownerAnswer')";
            Assert.Equal(2, await breach.ExecuteNonQueryAsync(Ct));
        }

        var weeks = (await supervisor.GetFromJsonAsync<List<TrendPoint>>("/api/board/trends?by=week&count=2", Ct))!;
        var letters = (await supervisor.GetFromJsonAsync<List<TrendPoint>>("/api/board/trends?by=week&count=2&channel=letter", Ct))!;
        var ofProperty = (await supervisor.GetFromJsonAsync<List<TrendPoint>>("/api/board/trends?by=day&count=1&department=property", Ct))!;
        var past = (await supervisor.GetFromJsonAsync<List<TrendPoint>>("/api/board/trends?by=day&count=3&to=2020-01-10", Ct))!;

        Assert.Equal(2, weeks.Count);
        Assert.Equal(new TrendFlow(3, 1, 1, 1, 1), weeks[^1].Flow);
        Assert.Equal(TrendFlow.None, weeks[0].Flow);
        Assert.Equal(new TrendFlow(1, 0, 0, 0, 0), letters[^1].Flow);
        Assert.Equal(3, letters[^1].Cases); // the report's figures count every channel, as before
        Assert.Equal(new TrendFlow(2, 1, 1, 1, 1), ofProperty.Single().Flow);
        Assert.Equal([new DateOnly(2020, 1, 8), new DateOnly(2020, 1, 9), new DateOnly(2020, 1, 10)], past.Select(p => p.From));
        Assert.All(past, p => Assert.Equal(TrendFlow.None, p.Flow));
    }

    [Fact]
    public async Task TheOldBoardPage_RedirectsToTheWorkspaceBoard()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var anonymous = host.Anonymous();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/supervisor");
        var moved = await anonymous.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("/app/board", moved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/board", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/board", Ct)).StatusCode);
    }
}
