using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using OmniIntake.Core.Accounts;
using OmniIntake.Data;
using OmniIntake.Server.Cases;
using OmniIntake.Server.Reports;
using OmniIntake.Server.Reports.Wording;

namespace OmniIntake.Server.Tests.Reports;

/// <summary>
/// Issue 14 items 2 and 5: report downloads in the organisation's language (Organisation:Language, zh-CN unless set), any
/// period on demand with a clear refusal for one that cannot be, and the schedule an empty list of reports tells.
/// </summary>
public sealed class ReportLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> English = new() { ["Organisation:Language"] = "en" };

    private static async Task<(HubHost Host, HttpClient Supervisor, string Number)> HubWithAClassifiedForwardedCaseAsync(DatabaseProvider provider,
        Dictionary<string, string?>? settings = null)
    {
        var host = await HubHost.StartAsync(provider, settings);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var admin = await host.ClientAsync(Roles.Admin);
        var supervisor = await host.ClientAsync(Roles.Supervisor);
        var opened = await agent.RegisterAsync("电梯坏了三天", phone: "13800138301");
        var department = await admin.PostAsJsonAsync("/api/departments", new { code = "property", name = "物业服务中心" }, Ct);
        var departmentId = (await department.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/classify", new { category = "property-management" }, Ct)).EnsureSuccessStatusCode();
        (await supervisor.PostAsJsonAsync($"/api/cases/{opened.CaseId}/classify", new { @class = "hot" }, Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{opened.CaseId}/forward", new ForwardRequest(departmentId, null), Ct)).EnsureSuccessStatusCode();
        return (host, supervisor, opened.Number);
    }

    private static string Today() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<IDictionary<string, object>> Sheet(byte[] xlsx, string name) =>
        new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object>>().ToList();

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task AReportForAnyPeriod_IsInChinese_ByDefault_NoCodeLeftInIt(DatabaseProvider provider)
    {
        var (host, supervisor, number) = await HubWithAClassifiedForwardedCaseAsync(provider);
        await using var _ = host;
        using var __ = supervisor;

        var xlsx = await supervisor.GetByteArrayAsync($"/api/reports?from={Today()}&to={Today()}&format=xlsx", Ct);

        var listed = Assert.Single(Sheet(xlsx, "分级案件"));
        Assert.Equal((number, "热点", "已转交", "电话", "物业管理", "物业服务中心"),
            ((string)listed["案件编号"], (string)listed["投诉级别"], (string)listed["状态"], (string)listed["受理渠道"], (string)listed["投诉类别"],
                (string)listed["责任部门"]));
        Assert.Equal(1, Convert.ToInt32(Sheet(xlsx, "按类别").Single(r => (string)r["投诉类别"] == "物业管理")["案件数"], CultureInfo.InvariantCulture));
        Assert.Contains(Sheet(xlsx, "按渠道"), r => (string)r["受理渠道"] == "电话");
        Assert.Contains(Sheet(xlsx, "汇总"), r => (string)r["项目"] == "转交及时率");
        var csv = Encoding.UTF8.GetString((await supervisor.GetByteArrayAsync($"/api/reports?from={Today()}&to={Today()}&format=csv", Ct))[3..]);
        Assert.StartsWith("栏目,项目,数值", csv, StringComparison.Ordinal);
        foreach (var code in new[] { "phone", "hot", "forwarded", "property-management", "on-time", "(none)", "(not forwarded)" })
            Assert.DoesNotContain(code, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrganisationWritingEnglish_GetsItsReportsInEnglish()
    {
        var (host, supervisor, number) = await HubWithAClassifiedForwardedCaseAsync(DatabaseProvider.Sqlite, English);
        await using var _ = host;
        using var __ = supervisor;

        var xlsx = await supervisor.GetByteArrayAsync($"/api/reports?from={Today()}&to={Today()}&format=xlsx", Ct);

        var listed = Assert.Single(Sheet(xlsx, "Classified cases"));
        Assert.Equal((number, "Hot", "Forwarded", "Phone", "Property management", "物业服务中心"),
            ((string)listed["Case number"], (string)listed["Class"], (string)listed["Status"], (string)listed["Channel"], (string)listed["Category"],
                (string)listed["Department"]));
        var csv = Encoding.UTF8.GetString((await supervisor.GetByteArrayAsync($"/api/reports?from={Today()}&to={Today()}&format=csv", Ct))[3..]);
        Assert.StartsWith("Section,Item,Value", csv, StringComparison.Ordinal);
        Assert.Contains("\"Indicator\",\"On-time forwarding rate\",1", csv, StringComparison.Ordinal);
        Assert.Equal("en", (await supervisor.GetFromJsonAsync<ReportScheduleView>("/api/reports/schedule", Ct))!.Language);
    }

    [Fact]
    public async Task APeriodThatHasNotBegun_OrEndsBeforeItStarts_IsRefusedWithItsCode()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        async Task<string?> CodeOf(string query)
        {
            var answer = await supervisor.GetAsync("/api/reports?" + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();
        }

        Assert.Equal("report.range-future", await CodeOf($"from={tomorrow}&to={tomorrow}"));
        Assert.Equal("report.range-invalid", await CodeOf($"from={Today()}&to=2000-01-01"));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/reports?from=2000-01-01&to={Today()}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("2026-11-02", "half-monthly", "2026-11-H1", "2026-11-16", "2026-11-18", "monthly", "2026-11", "2026-12-01", "2026-12-03")]
    [InlineData("2026-11-16", "monthly", "2026-11", "2026-12-01", "2026-12-03", "half-monthly", "2026-12-H1", "2026-12-16", "2026-12-18")]
    [InlineData("2026-12-20", "monthly", "2026-12", "2027-01-01", "2027-01-03", "half-monthly", "2027-01-H1", "2027-01-16", "2027-01-18")]
    public void TheNextReports_AreGeneratedTheDayAfterTheirPeriod_AndDueAsThePolicySays(string today, string kind1, string period1, string on1, string due1,
        string kind2, string period2, string on2, string due2)
    {
        var next = ReportScheduleApi.Upcoming(DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal([(kind1, period1, on1, due1), (kind2, period2, on2, due2)],
            next.Select(r => (r.Kind, r.Period, r.GeneratedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void EveryLabel_IsSaidInBothLanguages()
    {
        Assert.Equal(ReportCatalog.ChineseLabels.Keys.Order(StringComparer.Ordinal), ReportCatalog.EnglishLabels.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ReportCatalog.ChineseCodes.Keys.Order(StringComparer.Ordinal), ReportCatalog.EnglishCodes.Keys.Order(StringComparer.Ordinal));
        Assert.All(ReportCatalog.ChineseLabels.Values.Concat(ReportCatalog.ChineseCodes.Values), v => Assert.DoesNotMatch("[A-Za-z]", v));
    }
}
