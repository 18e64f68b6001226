using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OmniIntake.Server.Reports;

/// <summary>A sheet of a workbook: its name, its column headers (written even when there are no rows) and its rows.</summary>
public sealed record SheetTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>A fraction that a spreadsheet shows as a percentage (0.75 shows as 75.00%).</summary>
public readonly record struct Rate(double Fraction);

/// <summary>
/// Writes sheets as an XLSX package with the Open XML SDK, valid against ECMA-376 (issue 12: the previous writer put
/// &lt;drawing&gt; inside &lt;sheetData&gt;, which Excel offers to repair). Cells are typed by their value: a string is
/// text, a whole number a count, a <see cref="Rate"/> a percentage, a double a two-decimal number, a
/// <see cref="DateTime"/> a date and time, a <see cref="DateOnly"/> a date; null leaves the cell empty. Headers are
/// bold and every column is as wide as its longest value.
/// </summary>
public static class XlsxWriter
{
    // The cell formats of the stylesheet below, by index.
    private const uint Header = 1, DateTimeStyle = 2, DateStyle = 3, Percent = 4, Decimal = 5;

    public static byte[] Write(IReadOnlyList<SheetTable> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var strings = new SharedStrings();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var table in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, table.Headers.Select(h => Cell(h, strings, Header))));
                uint rowIndex = 2;
                foreach (var row in table.Rows) data.Append(Row(rowIndex++, row.Select(v => Cell(v, strings, null))));
                part.Worksheet = new Worksheet(Columns(table), data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = table.Name });
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<Cell?> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (cell is null) continue;
            cell.CellReference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }
        return row;
    }

    private static Cell? Cell(object? value, SharedStrings strings, uint? style) => value switch
    {
        null => null,
        string text => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(text)), StyleIndex = style },
        int or long => new Cell { CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!), StyleIndex = style },
        Rate rate => Number(rate.Fraction, Percent),
        double number => Number(number, Decimal),
        DateTime time => Number(time.ToOADate(), DateTimeStyle),
        DateOnly date => Number(date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle),
        _ => throw new ArgumentException($"A report cell cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    private static Cell Number(double value, uint style) =>
        new() { CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = style };

    /// <summary>Each column as wide as its longest value (a Chinese character counts twice), between 10 and 60 characters.</summary>
    private static Columns Columns(SheetTable table)
    {
        var columns = new Columns();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var widest = table.Rows.Select(r => i < r.Count ? Width(r[i]) : 0).Append(Width(table.Headers[i])).Max();
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(widest + 2, 10, 60), CustomWidth = true });
        }
        return columns;
    }

    private static int Width(object? value) => value switch
    {
        string text => text.Sum(c => c > '\u2E80' ? 2 : 1),
        DateTime => 16,
        DateOnly => 10,
        null => 0,
        _ => 8,
    };

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + ((column - 1) % 26)) + name;
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }, // 0.00%
            new CellFormat { NumberFormatId = 2, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) // 0.00
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>The workbook's shared string table, each distinct text once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public int IndexOf(string text)
        {
            // Characters XML cannot carry (control characters in a subject) are left out rather than failing the report.
            var clean = XmlChars(text);
            if (_index.TryGetValue(clean, out var i)) return i;
            _items.Add(clean);
            return _index[clean] = _items.Count - 1;
        }

        private static string XmlChars(string text)
        {
            var kept = new System.Text.StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
                else if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            }
            return kept.ToString();
        }

        public SharedStringTable Table() =>
            new(_items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)_items.Count, UniqueCount = (uint)_items.Count,
            };
    }
}
