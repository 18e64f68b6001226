using System.Globalization;
using System.Text;
using MiniExcelLibs;
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
            csv.Append(section).Append(',').Append(Quote(key)).Append(',').Append(Number(value) is double ? value : Quote(value)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>One sheet for the summary and indicators, one per breakdown, one listing the important, hot and major cases.</summary>
    public static async Task<byte[]> ToXlsxAsync(PeriodReport report, CancellationToken cancellationToken)
    {
        static IEnumerable<Dictionary<string, object?>> Counts(IEnumerable<ReportCount> counts, string name) =>
            counts.Select(c => new Dictionary<string, object?> { [name] = c.Key, ["cases 案件数"] = c.Count });
        var sheets = new Dictionary<string, object>
        {
            ["Summary 汇总"] = Rows(report).Where(r => r.Section is "period" or "total" or "indicator")
                .Select(r => new Dictionary<string, object?> { ["item 项目"] = r.Key, ["value 数值"] = Number(r.Value) }).ToList(),
            ["Category 分类"] = Counts(report.ByCategory, "category 分类").ToList(),
            ["Channel 渠道"] = Counts(report.ByChannel, "channel 渠道").ToList(),
            ["Class 等级"] = Counts(report.ByClass, "class 等级").ToList(),
            ["Department 部门"] = Counts(report.ByDepartment, "department 部门").ToList(),
            ["Cases by class 重要案件"] = report.ClassCases.Select(c => new Dictionary<string, object?>
            {
                ["number 编号"] = c.Number, ["class 等级"] = c.Class, ["status 状态"] = c.Status, ["channel 渠道"] = c.Channel,
                ["category 分类"] = c.Category, ["department 部门"] = c.Department,
                ["received 受理时间"] = c.ReceivedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ["subject 主题"] = c.Subject,
            }).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static IEnumerable<(string Section, string Key, string Value)> Rows(PeriodReport report)
    {
        yield return ("period", "from", report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("period", "to", report.To.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("total", "cases", report.Cases.ToString(CultureInfo.InvariantCulture));
        foreach (var (section, counts) in new[] { ("category", report.ByCategory), ("channel", report.ByChannel), ("class", report.ByClass), ("department", report.ByDepartment) })
            foreach (var count in counts) yield return (section, count.Key, count.Count.ToString(CultureInfo.InvariantCulture));
        var i = report.Indicators;
        foreach (var (key, value) in new[]
                 {
                     ("on-time forwarding rate", i.OnTimeForwardingRate), ("delay rate", i.DelayRate), ("re-dispatch rate", i.RedispatchRate),
                     ("repeat-complaint rate", i.RepeatComplaintRate), ("closure rate", i.ClosureRate), ("satisfaction", i.Satisfaction),
                 })
            yield return ("indicator", key, value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
        foreach (var c in report.ClassCases) yield return ("case " + c.Class, c.Number, c.Subject ?? "");
    }

    /// <summary>Numbers stay numbers in the spreadsheet; everything else is text.</summary>
    private static object Number(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : value;

    // Formula characters are quoted away too, so a category name or a subject cannot become a spreadsheet formula.
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
