using System.Globalization;
using System.Text;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Reports.Wording;

namespace OmniIntake.Server.Reports;

/// <summary>A period report as a download: CSV (UTF-8 with BOM, so spreadsheet programs show Chinese) or XLSX.</summary>
public static class ReportFiles
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(PeriodReport report, string format) =>
        $"report-{report.From:yyyyMMdd}-{report.To.AddDays(-1):yyyyMMdd}.{format}";

    /// <summary>
    /// Three columns (section, item, value) in the organisation's language (<paramref name="wording"/>; issue 14 item 2): the
    /// period, the total, the counts by category, channel, class and department by name, the indicators, the classified cases.
    /// </summary>
    public static byte[] ToCsv(PeriodReport report, ReportWording wording)
    {
        var w = wording;
        var csv = new StringBuilder().Append(w.Label("csv.section")).Append(',').Append(w.Label("csv.key")).Append(',').Append(w.Label("csv.value")).Append("\r\n");
        foreach (var (section, key, value) in Rows(report, w))
            csv.Append(Quote(section)).Append(',').Append(Quote(key)).Append(',').Append(value switch
            {
                long count => count.ToString(CultureInfo.InvariantCulture),
                double number => number.ToString("0.####", CultureInfo.InvariantCulture),
                null => "",
                _ => Quote(value.ToString()!),
            }).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// One sheet for the summary and indicators, one per breakdown, one listing the important, hot and major cases; times
    /// in the organisation's zone (<paramref name="zone"/>) as dates, rates as percentages, headers even when empty; every
    /// header, sheet name and code in the organisation's language (<paramref name="wording"/>).
    /// </summary>
    public static Task<byte[]> ToXlsxAsync(PeriodReport report, TimeZoneInfo zone, ReportWording wording, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var w = wording;
        SheetTable Counts(string sheet, string column, IEnumerable<ReportCount> counts, Func<string, string> name) =>
            new(w.Label(sheet), [w.Label(column), w.Label("column.cases")], [.. counts.Select(c => (IReadOnlyList<object?>)[name(c.Key), c.Count])]);
        var i = report.Indicators;
        List<IReadOnlyList<object?>> summary =
        [
            [w.Label("period.from"), report.From], [w.Label("period.to"), report.To.AddDays(-1)], [w.Label("total.cases"), report.Cases],
            [w.Label("indicator.onTime"), Percent(i.OnTimeForwardingRate)], [w.Label("indicator.delay"), Percent(i.DelayRate)],
            [w.Label("indicator.redispatch"), Percent(i.RedispatchRate)], [w.Label("indicator.repeat"), Percent(i.RepeatComplaintRate)],
            [w.Label("indicator.closure"), Percent(i.ClosureRate)], [w.Label("indicator.satisfaction"), i.Satisfaction],
            [w.Label("indicator.forwardsMet"), i.ForwardsMet], [w.Label("indicator.forwardsBreached"), i.ForwardsBreached],
            [w.Label("indicator.forwardsPending"), i.ForwardsPending],
        ];
        var sheets = new List<SheetTable>
        {
            new(w.Label("sheet.summary"), [w.Label("column.item"), w.Label("column.value")], summary),
            Counts("sheet.category", "column.category", report.ByCategory, w.Category),
            Counts("sheet.channel", "column.channel", report.ByChannel, w.Channel),
            Counts("sheet.class", "column.class", report.ByClass, w.Class),
            Counts("sheet.department", "column.department", report.ByDepartment, w.Department),
            new(w.Label("sheet.cases"),
                [.. CaseColumns.Select(c => w.Label("column." + c))],
                [.. report.ClassCases.Select(c => (IReadOnlyList<object?>)
                    [c.Number, w.Class(c.Class), w.Status(c.Status), w.Channel(c.Channel), w.Category(c.Category), w.Department(c.Department),
                     TimeZoneInfo.ConvertTime(c.ReceivedAt, zone).DateTime, c.Subject])]),
        };
        return Task.FromResult(XlsxWriter.Write(sheets));
    }

    private static readonly string[] CaseColumns = ["number", "class", "status", "channel", "category", "department", "received", "subject"];

    private static Rate? Percent(double? fraction) => fraction is { } f ? new Rate(f) : null;

    private static IEnumerable<(string Section, string Key, object? Value)> Rows(PeriodReport report, ReportWording w)
    {
        var period = w.Label("section.period");
        yield return (period, w.Label("period.from"), report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return (period, w.Label("period.to"), report.To.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return (w.Label("section.total"), w.Label("total.cases"), report.Cases);
        foreach (var (section, counts, name) in new (string, IReadOnlyList<ReportCount>, Func<string, string>)[]
                 {
                     ("section.category", report.ByCategory, w.Category), ("section.channel", report.ByChannel, w.Channel),
                     ("section.class", report.ByClass, w.Class), ("section.department", report.ByDepartment, w.Department),
                 })
            foreach (var count in counts) yield return (w.Label(section), name(count.Key), count.Count);
        var i = report.Indicators;
        foreach (var (key, value) in new[]
                 {
                     ("indicator.onTime", i.OnTimeForwardingRate), ("indicator.delay", i.DelayRate), ("indicator.redispatch", i.RedispatchRate),
                     ("indicator.repeat", i.RepeatComplaintRate), ("indicator.closure", i.ClosureRate), ("indicator.satisfaction", i.Satisfaction),
                 })
            yield return (w.Label("section.indicator"), w.Label(key), value);
        foreach (var c in report.ClassCases) yield return (w.Language == ReportWording.Chinese ? $"{w.Label("section.case")}（{w.Class(c.Class)}）" : $"{w.Label("section.case")} ({w.Class(c.Class)})", c.Number, c.Subject ?? "");
    }

    // Formula characters are quoted away (OWASP CSV injection: = + - @ TAB CR), so a category name or a subject cannot
    // become a spreadsheet formula; TAB and CR were missed before (issue 12, item 13).
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
