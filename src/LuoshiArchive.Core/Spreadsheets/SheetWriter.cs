using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LuoshiArchive.Core.Spreadsheets;

/// <summary>
/// Writes one worksheet of text cells as XLSX: a bold, frozen header row, wrapped text, column widths, A4 landscape.
/// Used for index sheets and registers; cells are inline strings so no shared-string table has to be built in memory.
/// </summary>
public static class SheetWriter
{
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double>? columnWidths = null) =>
        Write(output, [new SheetContent(sheetName, header, rows, columnWidths)]);

    /// <summary>Several worksheets in one workbook, in order, each laid out as <see cref="Write(Stream, string, IReadOnlyList{string}, IEnumerable{IReadOnlyList{string}}, IReadOnlyList{double}?)"/>.</summary>
    public static void Write(Stream output, IReadOnlyList<SheetContent> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = new Sheets();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(sheetPart, sheet.Header, sheet.Rows, sheet.ColumnWidths);
            sheetList.Append(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId++, Name = sheet.Name.Length > 31 ? sheet.Name[..31] : sheet.Name,
            });
        }
        workbook.Workbook.AppendChild(sheetList);
        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart sheetPart, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<double>? columnWidths)
    {
        using var writer = OpenXmlWriter.Create(sheetPart);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteElement(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        writer.WriteEndElement();
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < header.Count; i++)
        {
            var width = columnWidths is not null && i < columnWidths.Count ? columnWidths[i] : 16;
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
        }
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, header, styleIndex: 1);
        uint rowIndex = 2;
        foreach (var row in rows) WriteRow(writer, rowIndex++, row, styleIndex: 2);
        writer.WriteEndElement();
        writer.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9 });
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<string> cells, uint styleIndex)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < cells.Count; i++)
        {
            writer.WriteElement(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(cells[i])) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = ColumnName(i) + rowIndex, DataType = CellValues.InlineString, StyleIndex = styleIndex,
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>A, B, …, Z, AA, AB, … for a zero-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    // XML 1.0 cannot carry most control characters; a stray one from an extracted text would corrupt the file.
    private static string Clean(string text) =>
        new(text.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));
}
