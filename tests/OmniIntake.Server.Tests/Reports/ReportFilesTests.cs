using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using OmniIntake.Data.Reports;
using OmniIntake.Server.Reports;
using OmniIntake.Server.Reports.Wording;

namespace OmniIntake.Server.Tests.Reports;

/// <summary>
/// The report downloads as a spreadsheet program opens them (issue 12): CSV cells that cannot become formulas, and XLSX
/// that is a valid package, with dates in the organisation's time, rates as percentages, headers and column widths.
/// </summary>
public sealed class ReportFilesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PeriodReport Report(params ReportedCase[] cases) => new(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), cases.Length,
        cases.Length == 0 ? [] : [new ReportCount("property", cases.Length)], cases.Length == 0 ? [] : [new ReportCount("forum", cases.Length)],
        cases.Length == 0 ? [] : [new ReportCount("hot", cases.Length)], [],
        cases.Length == 0 ? new ReportIndicators(null, null, null, null, null, null, 0, 0, 0) : new ReportIndicators(0.75, 0.25, 0, 0.5, 1, 4.5, 3, 1, 0))
    {
        ClassCases = cases,
    };

    private static ReportedCase Case(string number, DateTimeOffset receivedAt, string? subject = "电梯坏了", string? category = "property") => new()
    {
        Number = number, Class = "hot", Status = "new", Channel = "forum", Category = category, ReceivedAt = receivedAt, Subject = subject,
    };

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Csv_ACellStartingWithAFormulaCharacter_IsPrefixedWithAQuote(string subject)
    {
        var report = Report(Case("C-1", DateTimeOffset.UtcNow, subject: subject));

        var csv = Encoding.UTF8.GetString(ReportFiles.ToCsv(report, ReportWording.For(ReportWording.Chinese))[3..]);

        Assert.Contains("\"'" + subject + "\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_IsAValidPackage_WithLocalDates_PercentRates_AndColumnWidths()
    {
        // 16:30 UTC on 3 November is 00:30 on 4 November in Shanghai.
        var report = Report(Case("C-1", new DateTimeOffset(2026, 11, 3, 16, 30, 0, TimeSpan.Zero)));

        using var book = SpreadsheetDocument.Open(new MemoryStream(await Xlsx(report)), false);

        Assert.Empty(new OpenXmlValidator().Validate(book, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var cases = Sheet(book, "分级案件");
        var received = Cell(book, cases, "受理时间", 1);
        Assert.True(IsDate(book, received), "the received time is a date cell");
        Assert.Equal(new DateTime(2026, 11, 4, 0, 30, 0), DateTime.FromOADate(double.Parse(received.CellValue!.Text, CultureInfo.InvariantCulture)));
        var summary = Sheet(book, "汇总");
        var onTime = Rows(summary).Single(r => Text(book, r.Elements<Cell>().First()) == "转交及时率").Elements<Cell>().ElementAt(1);
        Assert.Equal(0.75, double.Parse(onTime.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Contains("%", FormatOf(book, onTime), StringComparison.Ordinal);
        var satisfaction = Rows(summary).Single(r => Text(book, r.Elements<Cell>().First()) == "客户满意度（1-5）").Elements<Cell>().ElementAt(1);
        Assert.DoesNotContain("%", FormatOf(book, satisfaction), StringComparison.Ordinal); // a mean score, not a rate
        foreach (var sheet in book.WorkbookPart!.WorksheetParts)
            Assert.Contains(sheet.Worksheet.Elements<Columns>().SelectMany(c => c.Elements<Column>()), c => c.Width?.Value > 8);
    }

    [Fact]
    public async Task Xlsx_AnEmptyPeriod_HasTheHeadersOnEverySheet()
    {
        using var book = SpreadsheetDocument.Open(new MemoryStream(await Xlsx(Report())), false);

        Assert.Empty(new OpenXmlValidator().Validate(book, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(6, sheets.Count);
        foreach (var name in sheets)
        {
            var header = Rows(Sheet(book, name)).First();
            Assert.All(header.Elements<Cell>(), c => Assert.False(string.IsNullOrWhiteSpace(Text(book, c))));
            Assert.True(header.Elements<Cell>().Count() >= 2, name);
        }
        Assert.Contains("受理时间", Rows(Sheet(book, "分级案件")).First().Elements<Cell>().Select(c => Text(book, c)));
    }

    private static Task<byte[]> Xlsx(PeriodReport report) => ReportFiles.ToXlsxAsync(report, Shanghai, ReportWording.For(ReportWording.Chinese), Ct);

    private static Worksheet Sheet(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static IEnumerable<Row> Rows(Worksheet sheet) => sheet.GetFirstChild<SheetData>()!.Elements<Row>();

    private static Cell Cell(SpreadsheetDocument book, Worksheet sheet, string header, int row)
    {
        // By reference: an empty cell is not written, so the cells' positions in a row do not name their columns.
        var column = Rows(sheet).First().Elements<Cell>().Single(h => Text(book, h) == header).CellReference!.Value!.TrimEnd("0123456789".ToCharArray());
        return Rows(sheet).ElementAt(row).Elements<Cell>().Single(c => c.CellReference!.Value == column + (row + 1).ToString(CultureInfo.InvariantCulture));
    }

    private static string Text(SpreadsheetDocument book, Cell cell) => cell.DataType?.Value == CellValues.SharedString
        ? book.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static string FormatOf(SpreadsheetDocument book, Cell cell)
    {
        var styles = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        // The built-in formats a reader knows without a numFmt element (ECMA-376 18.8.30).
        return id switch
        {
            9 => "0%", 10 => "0.00%", 14 => "m/d/yyyy", 22 => "m/d/yyyy h:mm",
            _ => styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? "General",
        };
    }

    private static bool IsDate(SpreadsheetDocument book, Cell cell) =>
        (cell.DataType is null || cell.DataType.Value == CellValues.Number) && FormatOf(book, cell).Contains("yy", StringComparison.Ordinal);
}
