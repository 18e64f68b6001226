using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Supervision;

namespace OmniIntake.Server.Tests.Supervision;

/// <summary>Issue 14 item 5: the board's buckets and rows open the cases they count (GET /api/board/cases).</summary>
public sealed class BoardCasesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task EachBucketAndRow_ListsExactlyTheCasesTheBoardCounts(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider, new Dictionary<string, string?> { ["Policy:FixedForwardingWindow"] = "01:00:00" });
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var a = await agent.RegisterAsync("一", phone: "13800138191");
        var b = await agent.RegisterAsync("二", phone: "13800138192");
        var c = await agent.RegisterAsync(new { channel = "letter", text = "三" });
        var department = await admin.PostAsJsonAsync("/api/departments", new { code = "property", name = "物业" }, Ct);
        var departmentId = (await department.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        (await agent.PostAsJsonAsync($"/api/cases/{c.CaseId}/forward", new ForwardRequest(departmentId, null), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/cases/{b.CaseId}/claim", null, Ct)).EnsureSuccessStatusCode();
        var board = (await supervisor.GetFromJsonAsync<BoardView>("/api/board", Ct))!.Board;

        async Task<List<BoardCase>> List(string query) => (await supervisor.GetFromJsonAsync<List<BoardCase>>("/api/board/cases?" + query, Ct))!;

        var inWindow = await List("bucket=inWindow");
        Assert.Equal(board.InWindow, inWindow.Count);
        Assert.Equal([a.Number, b.Number], inWindow.Select(x => x.Number).Order(StringComparer.Ordinal));
        Assert.All(inWindow, x => Assert.Equal(("forward", "inWindow"), (x.DeadlineKind, x.Standing)));
        var awaiting = Assert.Single(await List("bucket=awaitingAnswer"));
        Assert.Equal(1, board.AwaitingAnswer);
        Assert.Equal((c.Number, "property", "ownerAnswer"), (awaiting.Number, awaiting.Department, awaiting.DeadlineKind));
        Assert.Empty(await List("bucket=breached"));
        Assert.Equal(3, (await List("bucket=open")).Count);

        // A row of the board opens its cases: by channel, department (or not forwarded yet), agent (or unclaimed).
        Assert.Equal(board.ByChannel.Single(r => r.Key == "phone").Open, (await List("bucket=open&channel=phone")).Count);
        Assert.Equal([c.Number], (await List("bucket=open&department=property")).Select(x => x.Number));
        Assert.Equal([a.Number, b.Number], (await List("bucket=open&department=" + Uri.EscapeDataString("(not forwarded)"))).Select(x => x.Number).Order(StringComparer.Ordinal));
        Assert.Equal([b.Number], (await List("bucket=inWindow&agent=only-agent")).Select(x => x.Number));
        Assert.Equal(board.ByAgent.Single(r => r.Key == "(unclaimed)").Open, (await List("bucket=open&agent=" + Uri.EscapeDataString("(unclaimed)"))).Count);
    }

    [Fact]
    public async Task ABreachedCase_IsListedUnderBreached_AndTheBucketsAreForSupervisorsOnly()
    {
        // A two-second window: the case breaches while the test waits.
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Policy:FixedForwardingWindow"] = "00:00:02" });
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var late = await agent.RegisterAsync("四", phone: "13800138193");

        var breached = await TestCalls.WithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            var list = (await supervisor.GetFromJsonAsync<List<BoardCase>>("/api/board/cases?bucket=breached", Ct))!;
            return list.Count > 0 ? list : null;
        }, "the case breached");

        var row = Assert.Single(breached);
        Assert.Equal((late.Number, "breached", "received"), (row.Number, row.Standing, row.Status));
        Assert.Equal(1, (await supervisor.GetFromJsonAsync<BoardView>("/api/board", Ct))!.Board.Breached);
        var refused = await supervisor.GetAsync("/api/board/cases?bucket=late", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("board.case-bucket-invalid", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/board/cases?bucket=open", Ct)).StatusCode);
    }
}
