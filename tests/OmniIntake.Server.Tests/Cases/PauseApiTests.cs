using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Tests.Cases;

/// <summary>
/// POST /api/cases/{id}/pause and /resume over HTTP (issue 13 item 4): an agent or the case's owner pauses and resumes,
/// an owner of another department cannot, the case file shows the pause and the paused clock, a bad request is a
/// ProblemDetails.
/// </summary>
public sealed class PauseApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AnAgentPausesForOutsideExpertise_TheOwnerResumes_AnotherDepartmentCannot(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var agent = await host.ClientAsync(Roles.Agent);
        var ids = new Dictionary<string, long>();
        foreach (var code in new[] { "engineering", "sales" })
        {
            var created = await admin.PostAsJsonAsync("/api/departments", new { code, name = code }, Ct);
            ids[code] = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
            (await admin.PostAsJsonAsync("/api/users", new { username = code + "-owner", password = HubHost.UserPassword, roles = new[] { "owner" }, departmentId = ids[code] }, Ct))
                .EnsureSuccessStatusCode();
        }
        using var engineering = await host.ClientForUserAsync("engineering-owner");
        using var sales = await host.ClientForUserAsync("sales-owner");
        var opened = await agent.RegisterAsync("外墙开裂，需要鉴定", phone: "13800138201");
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/forward", new ForwardRequest(ids["engineering"], null), Ct)).EnsureSuccessStatusCode();

        var badKind = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/pause", new { waitingFor = "lunch", reason = "x" }, Ct);
        var paused = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/pause", new { waitingFor = "expertise", reason = "需第三方鉴定机构出具报告" }, Ct);
        var twice = await engineering.PostAsJsonAsync($"/api/cases/{opened.CaseId}/pause", new { waitingFor = "customer", reason = "再等等" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NoContent, HttpStatusCode.Conflict), (badKind.StatusCode, paused.StatusCode, twice.StatusCode));
        Assert.Contains("waitingFor", (await badKind.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!;
        Assert.Equal(("expertise", "需第三方鉴定机构出具报告", "only-agent"), (detail.Pause!.WaitingFor, detail.Pause.Reason, detail.Pause.PausedBy));
        Assert.Equal("important", detail.Case.Class); // policy 5.5: needs outside expertise
        var clock = detail.Deadlines.Single(d => d.Kind == "ownerAnswer");
        Assert.Equal("paused", clock.State);
        Assert.InRange(clock.RemainingSeconds!.Value, 1, 4 * 3600);

        var stranger = await sales.PostAsJsonAsync($"/api/cases/{opened.CaseId}/resume", new { reason = "不是我们的" }, Ct);
        var resumed = await engineering.PostAsJsonAsync($"/api/cases/{opened.CaseId}/resume", new { reason = "鉴定报告已收到" }, Ct);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NoContent), (stranger.StatusCode, resumed.StatusCode));
        detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!;
        Assert.Null(detail.Pause);
        Assert.Equal("pending", detail.Deadlines.Single(d => d.Kind == "ownerAnswer").State);
        Assert.Contains(detail.Audit, a => a.Action == "case.resumed" && a.Actor == "engineering-owner" && a.Detail.Contains("鉴定报告已收到", StringComparison.Ordinal));
        Assert.Contains(detail.Audit, a => a.Action == "case.paused" && a.Detail.Contains("\"toClass\":\"important\"", StringComparison.Ordinal));
    }
}
