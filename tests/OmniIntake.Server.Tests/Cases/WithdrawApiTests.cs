using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;

namespace OmniIntake.Server.Tests.Cases;

/// <summary>Withdrawing a complaint through the API (issue 13 item 1): the case decides, the record stays, the owner's views follow.</summary>
public sealed class WithdrawApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgentWithdrawsAnOpenComplaint_WithTheReason_AndItIsNotAnsweredAnyMore()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        var opened = await agent.RegisterAsync("楼下装修太吵", phone: "13800138091");

        var noReason = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/withdraw", new { reason = " " }, Ct);
        var withdrawn = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/withdraw", new { reason = "已协商解决，客户自愿撤回" }, Ct);
        var again = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/withdraw", new { reason = "again" }, Ct);
        var reply = await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/reply", new { text = "您好" }, Ct);
        var missing = await agent.PostAsJsonAsync("/api/cases/987654/withdraw", new { reason = "x" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.NotFound),
            (noReason.StatusCode, withdrawn.StatusCode, again.StatusCode, reply.StatusCode, missing.StatusCode));
        Assert.Contains("command.conflict", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!;
        Assert.Equal("withdrawn", detail.Case.Status);
        var audit = Assert.Single(detail.Audit, a => a.Action == "case.withdrawn");
        Assert.Equal("only-agent", audit.Actor);
        Assert.Contains("已协商解决，客户自愿撤回", audit.Detail, StringComparison.Ordinal);
        Assert.All(detail.Deadlines, d => Assert.NotEqual("pending", d.State));
    }

    [Fact]
    public async Task AnOwner_CannotWithdrawAComplaint()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var owner = await host.ClientAsync(Roles.Owner);
        var opened = await agent.RegisterAsync("噪音", phone: "13800138092");

        var attempt = await owner.PostAsJsonAsync($"/api/cases/{opened.CaseId}/withdraw", new { reason = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, attempt.StatusCode);
        Assert.Equal("received", (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!.Case.Status);
    }
}
