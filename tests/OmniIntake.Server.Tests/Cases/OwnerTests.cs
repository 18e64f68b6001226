using System.Net;
using System.Text.Json;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Cases;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Tests.Cases;

/// <summary>The department owner asks for help or sends a wrongly routed case back; a re-dispatch is counted (issue 7).</summary>
public sealed class OwnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AWronglyRoutedCase_GoesBackToTheCentre_AndItsNextForwardingIsARedispatch(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var admin = await host.ClientAsync(Roles.Admin);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
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
        var opened = await agent.RegisterAsync("停车费收错了", phone: "13800138101");
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/forward", new ForwardRequest(ids["engineering"], null), Ct)).EnsureSuccessStatusCode();

        var mine = Assert.Single((await engineering.GetFromJsonAsync<List<CaseSummary>>("/api/owner/cases", Ct))!);
        Assert.NotNull(mine.AnswerDueAt);
        var help = await engineering.PostAsJsonAsync($"/api/cases/{opened.CaseId}/help", new { text = "这是收费问题吗？" }, Ct);
        var notTheirs = await sales.PostAsJsonAsync($"/api/cases/{opened.CaseId}/send-back", new { text = "不是我们的" }, Ct);
        var noReason = await engineering.PostAsJsonAsync($"/api/cases/{opened.CaseId}/send-back", new { text = "" }, Ct);
        var back = await engineering.PostAsJsonAsync($"/api/cases/{opened.CaseId}/send-back", new { text = "收费归销售部" }, Ct);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.NoContent),
            (help.StatusCode, notTheirs.StatusCode, noReason.StatusCode, back.StatusCode));
        var detail = (await agent.GetFromJsonAsync<CaseDetail>($"/api/cases/{opened.CaseId}", Ct))!;
        Assert.Equal("received", detail.Case.Status);
        Assert.Equal("cancelled", detail.Deadlines.Single(d => d.Kind == "ownerAnswer").State);
        Assert.Equal("pending", detail.Deadlines.Single(d => d.Kind == "forward").State);
        Assert.Contains(detail.Messages, m => m.Direction == "note" && m.Sender == "owner" && m.BodyText == "这是收费问题吗？");
        Assert.Contains(detail.Audit, a => a.Action == "case.sent-back" && a.Actor == "engineering-owner");
        Assert.Empty((await engineering.GetFromJsonAsync<List<CaseSummary>>("/api/owner/cases", Ct))!); // no longer theirs

        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/forward", new ForwardRequest(ids["sales"], "改派销售部"), Ct)).EnsureSuccessStatusCode();
        Assert.Single((await sales.GetFromJsonAsync<List<CaseSummary>>("/api/owner/cases", Ct))!);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1.0, (await supervisor.GetFromJsonAsync<PeriodReport>($"/api/reports?period={month}", Ct))!.Indicators.RedispatchRate);
    }
}
