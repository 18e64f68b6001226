using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Events;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Assignment;
using OmniIntake.Server.Live;

namespace OmniIntake.Server.Tests.Assignment;

/// <summary>POST /api/cases/{id}/assign (issue 15 item 5): assign, reassign, unassign, refusals with codes, audit, live, roles; the agents' load.</summary>
public sealed class AssignmentApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<Dictionary<string, long>> CreateUsersAsync(HubHost host, params (string Name, string Display, string Role)[] users)
    {
        using var admin = await host.ClientAsync(Roles.Admin);
        foreach (var (name, display, role) in users)
            (await admin.PostAsJsonAsync("/api/users", new { username = name, displayName = display, password = HubHost.UserPassword, roles = new[] { role } }, Ct))
                .EnsureSuccessStatusCode();
        var all = await admin.GetFromJsonAsync<List<JsonElement>>("/api/users", Ct);
        return all!.ToDictionary(u => u.GetProperty("username").GetString()!, u => u.GetProperty("id").GetInt64());
    }

    private static async Task<(HttpStatusCode Status, string? Code)> AssignAsync(HttpClient client, long caseId, long? userId, string? note = null)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { userId, note }, Ct);
        if (response.StatusCode == HttpStatusCode.NoContent) return (response.StatusCode, null);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, body.Length > 0 && body.TrimStart().StartsWith('{')
            ? JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null : null);
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ASupervisorAssigns_TheHolderReassigns_RefusalsSayWhy_AndEveryStepIsAuditedAndLive(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        var ids = await CreateUsersAsync(host, ("wang", "王芳", Roles.Agent), ("li", "李强", Roles.Agent), ("zhao", "赵六", Roles.Owner));
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        using var wang = await host.ClientForUserAsync("wang");
        using var li = await host.ClientForUserAsync("li");
        using var owner = await host.ClientAsync(Roles.Owner);
        var seen = new ConcurrentQueue<CaseEvent>();
        await using var watcher = await host.AgentHubAsync();
        watcher.On<CaseEvent>(AgentHub.EventMethod, seen.Enqueue);
        await watcher.StartAsync(Ct);
        var kase = await wang.RegisterAsync("楼道灯坏了", phone: "13800138301");

        Assert.Equal((HttpStatusCode.NoContent, (string?)null), await AssignAsync(supervisor, kase.CaseId, ids["wang"], "客户下午三点后方便接电话"));
        var detail = (await wang.GetFromJsonAsync<CaseDetail>($"/api/cases/{kase.CaseId}", Ct))!;
        Assert.Equal(("wang", "王芳"), (detail.Case.ClaimedBy, detail.Case.ClaimedByName));
        Assert.Equal([kase.Number], (await wang.GetFromJsonAsync<List<CaseSummary>>("/api/cases?mine=true", Ct))!.Select(c => c.Number));
        await TestCalls.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(seen.FirstOrDefault(e =>
            e.Kind == CaseEventKinds.Claimed && e.CaseId == kase.CaseId && e.Data.Contains("\"claimedByName\":\"王芳\"", StringComparison.Ordinal))),
            "the assignment pushed live");

        // An agent does not take a colleague's case; its holder may pass it on.
        Assert.Equal((HttpStatusCode.Conflict, "assignment.held-by-other"), await AssignAsync(li, kase.CaseId, ids["li"]));
        Assert.Equal((HttpStatusCode.NoContent, (string?)null), await AssignAsync(wang, kase.CaseId, ids["li"], "我今天下午请假"));
        Assert.Equal((HttpStatusCode.BadRequest, "assignment.not-an-agent"), await AssignAsync(supervisor, kase.CaseId, ids["zhao"]));
        Assert.Equal((HttpStatusCode.BadRequest, "assignment.unknown-user"), await AssignAsync(supervisor, kase.CaseId, 987654));
        Assert.Equal((HttpStatusCode.NotFound, "assignment.case-not-found"), await AssignAsync(supervisor, 987654, ids["li"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await AssignAsync(owner, kase.CaseId, ids["li"])).Status);

        var load = (await supervisor.GetFromJsonAsync<TeamLoad>("/api/agents/load", Ct))!;
        Assert.Equal((1, 0), (load.Agents.Single(a => a.Username == "li").OpenCases, load.Agents.Single(a => a.Username == "wang").OpenCases));
        Assert.NotNull(load.Agents.Single(a => a.Username == "li").OldestDueAt);
        Assert.DoesNotContain(load.Agents, a => a.Username == "zhao");

        Assert.Equal((HttpStatusCode.NoContent, (string?)null), await AssignAsync(supervisor, kase.CaseId, null));
        Assert.Contains((await li.GetFromJsonAsync<List<CaseSummary>>("/api/cases?unassigned=true", Ct))!, c => c.Id == kase.CaseId);
        var audit = (await li.GetFromJsonAsync<CaseDetail>($"/api/cases/{kase.CaseId}", Ct))!.Audit;
        Assert.Equal(
            [("case.assigned", "only-supervisor"), ("case.reassigned", "wang"), ("case.unassigned", "only-supervisor")],
            audit.Where(a => a.Action is "case.assigned" or "case.reassigned" or "case.unassigned").Select(a => (a.Action, a.Actor)));
        Assert.Contains("客户下午三点后方便接电话", audit.Single(a => a.Action == "case.assigned").Detail, StringComparison.Ordinal);

        (await supervisor.PostAsJsonAsync($"/api/cases/{kase.CaseId}/resolve", new { note = "已修好" }, Ct)).EnsureSuccessStatusCode();
        (await supervisor.PostAsJsonAsync($"/api/cases/{kase.CaseId}/close", new { }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal((HttpStatusCode.Conflict, "assignment.case-closed"), await AssignAsync(supervisor, kase.CaseId, ids["wang"]));
    }

    [Fact]
    public async Task AnAgentSetsThemselvesAway_AndTheLoadSaysSo()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await CreateUsersAsync(host, ("wang", "王芳", Roles.Agent));
        using var wang = await host.ClientForUserAsync("wang");

        Assert.False((await wang.GetFromJsonAsync<Availability>("/api/agents/me/availability", Ct))!.Away);
        (await wang.PutAsJsonAsync("/api/agents/me/availability", new { away = true }, Ct)).EnsureSuccessStatusCode();

        Assert.True((await wang.GetFromJsonAsync<Availability>("/api/agents/me/availability", Ct))!.Away);
        var me = (await wang.GetFromJsonAsync<TeamLoad>("/api/agents/load", Ct))!.Agents.Single(a => a.Username == "wang");
        Assert.Equal((true, false, 0), (me.Away, me.Online, me.OpenCases));
    }
}
