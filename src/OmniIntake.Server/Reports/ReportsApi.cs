using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniIntake.Core.Intake;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Accounts;

namespace OmniIntake.Server.Reports;

/// <summary>
/// GET /api/reports?period=2026-11-H1 (1st-15th), 2026-11-H2 (16th-end) or 2026-11 (the month), or from=&amp;to= (local
/// dates, to inclusive); format=json (default) or csv (UTF-8 with BOM, so spreadsheet programs show Chinese). For
/// supervisors.
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports", ReportAsync).WithTags("Reports").RequireAuthorization(Policies.Supervisors);

    private static async Task<Results<Ok<PeriodReport>, FileContentHttpResult, ProblemHttpResult>> ReportAsync(string? period, DateOnly? from, DateOnly? to,
        string? format, ReportQueries reports, IntakeOptions intake, CancellationToken ct)
    {
        if (!TryRange(period, from, to, out var start, out var endExclusive, out var error)) return TypedResults.Problem(error, statusCode: 400);
        if (format is not (null or "json" or "csv")) return TypedResults.Problem("format is json or csv.", statusCode: 400);
        var report = await reports.PeriodAsync(start, endExclusive, intake.Zone, ct);
        if (format != "csv") return TypedResults.Ok(report);
        var name = $"report-{start:yyyyMMdd}-{endExclusive.AddDays(-1):yyyyMMdd}.csv";
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(report))).ToArray(), "text/csv; charset=utf-8", name);
    }

    public static bool TryRange(string? period, DateOnly? from, DateOnly? to, out DateOnly start, out DateOnly endExclusive, out string error)
    {
        (start, endExclusive, error) = (default, default, "");
        if (period is { Length: > 0 })
        {
            var parts = period.Split('-');
            if (parts.Length is < 2 or > 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12 || year is < 2000 or > 2100
                || (parts.Length == 3 && parts[2] is not ("H1" or "H2")))
            {
                error = $"period is YYYY-MM, YYYY-MM-H1 or YYYY-MM-H2 (got '{period}').";
                return false;
            }
            var first = new DateOnly(year, month, 1);
            (start, endExclusive) = parts.Length == 2 ? (first, first.AddMonths(1))
                : parts[2] == "H1" ? (first, first.AddDays(15)) : (first.AddDays(15), first.AddMonths(1));
            return true;
        }
        if (from is null || to is null || to < from)
        {
            error = "Give period=YYYY-MM[-H1|-H2], or from and to (local dates, to inclusive, not before from).";
            return false;
        }
        (start, endExclusive) = (from.Value, to.Value.AddDays(1));
        return true;
    }

    private static string Csv(PeriodReport report)
    {
        var csv = new StringBuilder("section,key,value\r\n");
        void Row(string section, string key, string value) =>
            csv.Append(section).Append(',').Append(Quote(key)).Append(',').Append(value).Append("\r\n");
        Row("period", "from", report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("period", "to", report.To.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("total", "cases", report.Cases.ToString(CultureInfo.InvariantCulture));
        foreach (var (section, counts) in new[] { ("category", report.ByCategory), ("channel", report.ByChannel), ("class", report.ByClass), ("department", report.ByDepartment) })
            foreach (var count in counts) Row(section, count.Key, count.Count.ToString(CultureInfo.InvariantCulture));
        var i = report.Indicators;
        foreach (var (key, value) in new[]
                 {
                     ("on-time forwarding rate", i.OnTimeForwardingRate), ("delay rate", i.DelayRate), ("re-dispatch rate", i.RedispatchRate),
                     ("repeat-complaint rate", i.RepeatComplaintRate), ("closure rate", i.ClosureRate), ("satisfaction", i.Satisfaction),
                 })
            Row("indicator", key, value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
        return csv.ToString();
    }

    // Formula characters are quoted away too, so a category name cannot become a spreadsheet formula.
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
