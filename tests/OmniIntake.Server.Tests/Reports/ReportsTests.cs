using System.Net;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Cases;

namespace OmniIntake.Server.Tests.Reports;

/// <summary>The period report (issue 6, first part): counts and indicators as queries over the case data.</summary>
public sealed class ReportsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task TheMonthsReport_CountsAndRates_AsJsonAndCsv(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        var a = await agent.RegisterAsync("电梯坏了三天", phone: "13800138001");
        var b = await agent.RegisterAsync("停车费乱收", phone: "13800138002");
        await agent.RegisterAsync("又是停车费的问题", phone: "13800138002", key: "second-from-b");
        var department = await admin.PostAsJsonAsync("/api/departments", new { code = "property", name = "物业" }, Ct);
        var departmentId = (await department.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetInt64();
        (await agent.PostAsJsonAsync($"/api/cases/{a.CaseId}/forward", new ForwardRequest(departmentId, null), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{a.CaseId}/resolve", new ResolveRequest("修好了"), Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{b.CaseId}/classify", new { category = "property-management" }, Ct)).EnsureSuccessStatusCode();
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var report = (await supervisor.GetFromJsonAsync<PeriodReport>($"/api/reports?period={month}", Ct))!;

        Assert.True(report.Cases >= 2); // the second mail from b may thread into b's case (same phone within the window)
        Assert.Equal(report.Cases, report.ByChannel.Single(c => c.Key == "phone").Count);
        Assert.Equal(1, report.ByCategory.Single(c => c.Key == "property-management").Count);
        Assert.Equal(1, report.ByDepartment.Single(c => c.Key == "property").Count);
        Assert.Equal((1L, 0L), (report.Indicators.ForwardsMet, report.Indicators.ForwardsBreached));
        Assert.Equal((1.0, 0.0), (report.Indicators.OnTimeForwardingRate, report.Indicators.DelayRate));
        Assert.Equal(Math.Round(1.0 / report.Cases, 4), report.Indicators.ClosureRate);
        Assert.Null(report.Indicators.Satisfaction);

        var csv = await supervisor.GetAsync($"/api/reports?period={month}&format=csv", Ct);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        // In the organisation's language, zh-CN by default (issue 14 item 2); the department by its name, the category by its Chinese name.
        Assert.StartsWith("栏目,项目,数值", text, StringComparison.Ordinal);
        Assert.Contains("\"责任部门\",\"物业\",1", text, StringComparison.Ordinal);
        Assert.Contains("\"指标\",\"转交及时率\",1", text, StringComparison.Ordinal);
        Assert.Contains("\"受理渠道\",\"电话\",", text, StringComparison.Ordinal);
        Assert.DoesNotContain("property-management", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/reports?period=2026-13", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/reports?period={month}", Ct)).StatusCode);
    }
}
