using System.Globalization;
using System.Text;
using OmniIntake.Data.Reports;

namespace OmniIntake.Server.Reports;

/// <summary>A period report as a download: CSV (UTF-8 with BOM, so spreadsheet programs show Chinese) or XLSX.</summary>
public static class ReportFiles
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(PeriodReport report, string format) =>
        $"report-{report.From:yyyyMMdd}-{report.To.AddDays(-1):yyyyMMdd}.{format}";

    public static byte[] ToCsv(PeriodReport report)
    {
        var csv = new StringBuilder("section,key,value\r\n");
        foreach (var (section, key, value) in Rows(report))
            csv.Append(section).Append(',').Append(Quote(key)).Append(',').Append(value switch
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
    /// in the organisation's zone (<paramref name="zone"/>) as dates, rates as percentages, headers even when empty.
    /// </summary>
    public static Task<byte[]> ToXlsxAsync(PeriodReport report, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        static SheetTable Counts(string sheet, string name, IEnumerable<ReportCount> counts) =>
            new(sheet, [name, "cases 案件数"], [.. counts.Select(c => (IReadOnlyList<object?>)[c.Key, c.Count])]);
        var i = report.Indicators;
        List<IReadOnlyList<object?>> summary =
        [
            ["from", report.From], ["to", report.To.AddDays(-1)], ["cases", report.Cases],
            ["on-time forwarding rate", Percent(i.OnTimeForwardingRate)], ["delay rate", Percent(i.DelayRate)],
            ["re-dispatch rate", Percent(i.RedispatchRate)], ["repeat-complaint rate", Percent(i.RepeatComplaintRate)],
            ["closure rate", Percent(i.ClosureRate)], ["satisfaction", i.Satisfaction],
            ["forwards met", i.ForwardsMet], ["forwards breached", i.ForwardsBreached], ["forwards pending", i.ForwardsPending],
        ];
        var sheets = new List<SheetTable>
        {
            new("Summary 汇总", ["item 项目", "value 数值"], summary),
            Counts("Category 分类", "category 分类", report.ByCategory),
            Counts("Channel 渠道", "channel 渠道", report.ByChannel),
            Counts("Class 等级", "class 等级", report.ByClass),
            Counts("Department 部门", "department 部门", report.ByDepartment),
            new("Cases by class 重要案件",
                ["number 编号", "class 等级", "status 状态", "channel 渠道", "category 分类", "department 部门", "received 受理时间", "subject 主题"],
                [.. report.ClassCases.Select(c => (IReadOnlyList<object?>)
                    [c.Number, c.Class, c.Status, c.Channel, c.Category, c.Department, TimeZoneInfo.ConvertTime(c.ReceivedAt, zone).DateTime, c.Subject])]),
        };
        return Task.FromResult(XlsxWriter.Write(sheets));
    }

    private static Rate? Percent(double? fraction) => fraction is { } f ? new Rate(f) : null;

    private static IEnumerable<(string Section, string Key, object? Value)> Rows(PeriodReport report)
    {
        yield return ("period", "from", report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("period", "to", report.To.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("total", "cases", report.Cases);
        foreach (var (section, counts) in new[] { ("category", report.ByCategory), ("channel", report.ByChannel), ("class", report.ByClass), ("department", report.ByDepartment) })
            foreach (var count in counts) yield return (section, count.Key, count.Count);
        var i = report.Indicators;
        foreach (var (key, value) in new[]
                 {
                     ("on-time forwarding rate", i.OnTimeForwardingRate), ("delay rate", i.DelayRate), ("re-dispatch rate", i.RedispatchRate),
                     ("repeat-complaint rate", i.RepeatComplaintRate), ("closure rate", i.ClosureRate), ("satisfaction", i.Satisfaction),
                 })
            yield return ("indicator", key, value);
        foreach (var c in report.ClassCases) yield return ("case " + c.Class, c.Number, c.Subject ?? "");
    }

    // Formula characters are quoted away (OWASP CSV injection: = + - @ TAB CR), so a category name or a subject cannot
    // become a spreadsheet formula; TAB and CR were missed before (issue 12, item 13).
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
