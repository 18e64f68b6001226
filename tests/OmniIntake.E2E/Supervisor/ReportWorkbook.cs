using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OmniIntake.E2E.Supervisor;

/// <summary>A downloaded XLSX read as a person reads it: each sheet's rows of cell texts, by the sheet's name.</summary>
public static class ReportWorkbook
{
    public static Dictionary<string, List<List<string>>> Read(string path)
    {
        using var book = SpreadsheetDocument.Open(path, false);
        var part = book.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheets = new Dictionary<string, List<List<string>>>(StringComparer.Ordinal);
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var data = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            sheets[sheet.Name!.Value!] = data.Elements<Row>().Select(r => r.Elements<Cell>().Select(c => Text(c, strings)).ToList()).ToList();
        }
        return sheets;
    }

    private static string Text(Cell cell, List<string> strings) => cell.DataType?.Value == CellValues.SharedString
        ? strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
