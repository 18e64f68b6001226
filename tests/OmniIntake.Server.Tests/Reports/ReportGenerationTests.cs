using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using OmniIntake.Core.Accounts;
using OmniIntake.Core.Intake;
using OmniIntake.Data;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Reports;

namespace OmniIntake.Server.Tests.Reports;

/// <summary>The half-monthly and monthly reports generate themselves once their period ends (policy 5.6.1).</summary>
public sealed class ReportGenerationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EndedPeriods_AreTheFirstHalfDueThe18th_AndTheMonthDueThe3rd()
    {
        var ended = ReportPeriods.EndedBy(new DateOnly(2026, 12, 16)).Select(p => (p.Kind, p.Period, p.DueBy)).ToList();

        Assert.Equal(
        [
            ("half-monthly", "2026-10-H1", new DateOnly(2026, 10, 18)), ("monthly", "2026-10", new DateOnly(2026, 11, 3)),
            ("half-monthly", "2026-11-H1", new DateOnly(2026, 11, 18)), ("monthly", "2026-11", new DateOnly(2026, 12, 3)),
            ("half-monthly", "2026-12-H1", new DateOnly(2026, 12, 18)),
        ], ended);
        Assert.DoesNotContain(ReportPeriods.EndedBy(new DateOnly(2026, 12, 15)), p => p.Period == "2026-12-H1");
    }

    [Theory]
    [ClassData(typeof(OmniIntake.Testing.BothProviders))]
    public async Task ReportsGenerateOnce_AndDownloadAsXlsxAndCsv(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(provider);
        using var agent = await host.ClientAsync(Roles.Agent);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var zone = host.Services.GetRequiredService<IntakeOptions>().Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var opened = await agent.RegisterAsync(new { channel = "phone", text = "物业乱收费", phone = "13800138000", subject = "=HYPERLINK(\"http://x\") 乱收费" });
        (await supervisor.PostAsJsonAsync($"/api/cases/{opened.CaseId}/classify", new { @class = "important", reason = "复诉" }, Ct)).EnsureSuccessStatusCode();
        // Two months on, on the 17th: this month and the next have ended, and the first half of the one after.
        var later = new FakeTimeProvider(new DateTimeOffset(thisMonth.AddMonths(2).AddDays(16).ToDateTime(new TimeOnly(0, 20)), zone.BaseUtcOffset));
        var job = new ReportGenerationJob(host.Services.GetRequiredService<ReportQueries>(), host.Services.GetRequiredService<GeneratedReportStore>(),
            host.Services.GetRequiredService<IntakeOptions>(), later, NullLogger<ReportGenerationJob>.Instance);

        var first = await job.RunAsync(Ct);
        var second = await job.RunAsync(Ct);

        var month = thisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var next = thisMonth.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Contains(first, p => p.Period == month && p.Kind == "monthly");
        Assert.Contains(first, p => p.Period == next + "-H1");
        Assert.DoesNotContain(first, p => p.ToExclusive <= today); // ended before the hub was installed: nothing to report
        Assert.Empty(second);
        var listed = (await supervisor.GetFromJsonAsync<List<GeneratedReport>>("/api/reports/generated", Ct))!;
        Assert.Equal(first.Count, listed.Count);
        var monthly = listed.Single(r => r.Period == month);
        Assert.Equal(thisMonth.AddMonths(1).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), monthly.DueBy);

        var xlsx = await supervisor.GetAsync($"/api/reports/generated/{monthly.Id}?format=xlsx", Ct);
        Assert.Equal(ReportFiles.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        // In the organisation's language, zh-CN by default (issue 14 item 2).
        Assert.Contains("分级案件", book.GetSheetNames());
        var listedCase = Assert.Single(book.Query(useHeaderRow: true, sheetName: "分级案件").Cast<IDictionary<string, object>>());
        Assert.Equal((opened.Number, "重要"), ((string)listedCase["案件编号"], (string)listedCase["投诉级别"]));
        var summary = book.Query(useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(1.0, Convert.ToDouble(summary.Single(r => (string)r["项目"] == "案件数")["数值"], CultureInfo.InvariantCulture));

        var csv = await supervisor.GetStringAsync($"/api/reports/generated/{monthly.Id}?format=csv", Ct);
        Assert.Contains("\"'=HYPERLINK", csv, StringComparison.Ordinal); // a subject cannot become a formula
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/api/reports/generated/999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/reports/generated/{monthly.Id}?format=pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/reports/generated", Ct)).StatusCode);
    }
}
