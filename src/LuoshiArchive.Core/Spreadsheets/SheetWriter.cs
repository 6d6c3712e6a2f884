using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LuoshiArchive.Core.Spreadsheets;

/// <summary>
/// Writes one worksheet of text cells as XLSX: an optional title row, a bold, frozen header row repeated on every printed
/// page, wrapped text with a thin border on every cell, column widths, A4 landscape fitted to the page width (as many
/// pages down as needed). Used for index sheets and registers; cells are inline strings so no shared-string table has
/// to be built in memory.
/// </summary>
public static class SheetWriter
{
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double>? columnWidths = null, string? title = null) =>
        Write(output, [new SheetContent(sheetName, header, rows, columnWidths, title)]);

    /// <summary>Several worksheets in one workbook, in order, each laid out as the single-sheet <c>Write</c>.</summary>
    public static void Write(Stream output, IReadOnlyList<SheetContent> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = new Sheets();
        var printTitles = new DefinedNames();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(sheetPart, sheet);
            var name = sheet.Name.Length > 31 ? sheet.Name[..31] : sheet.Name;
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId, Name = name });
            // The header row (and the title above it) is printed again at the top of every page.
            var headerRow = sheet.Title is null ? 1 : 2;
            printTitles.Append(new DefinedName($"'{name.Replace("'", "''")}'!$1:${headerRow}")
            {
                Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1,
            });
            sheetId++;
        }
        workbook.Workbook.AppendChild(sheetList);
        workbook.Workbook.AppendChild(printTitles);
        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart sheetPart, SheetContent sheet)
    {
        var header = sheet.Header;
        var headerRow = sheet.Title is null ? 1u : 2u;
        using var writer = OpenXmlWriter.Create(sheetPart);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteStartElement(new SheetViews());
        writer.WriteElement(new SheetView(new Pane
        {
            VerticalSplit = headerRow, TopLeftCell = "A" + (headerRow + 1), ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        writer.WriteEndElement();
        var widths = Enumerable.Range(0, header.Count)
            .Select(i => sheet.ColumnWidths is { } w && i < w.Count ? w[i] : 16).ToList();
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < header.Count; i++)
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        if (sheet.Title is { } title)
            WriteRow(writer, 1, [title, .. Enumerable.Repeat("", header.Count - 1)], styleIndex: 3, height: 42);
        WriteRow(writer, headerRow, header, styleIndex: 1, height: HeightOf(header, widths));
        var rowIndex = headerRow + 1;
        foreach (var row in sheet.Rows) WriteRow(writer, rowIndex++, row, styleIndex: 2, height: HeightOf(row, widths));
        writer.WriteEndElement();
        if (sheet.Title is not null && header.Count > 1)
        {
            writer.WriteStartElement(new MergeCells { Count = 1 });
            writer.WriteElement(new MergeCell { Reference = "A1:" + ColumnName(header.Count - 1) + "1" });
            writer.WriteEndElement();
        }
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup
        {
            Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0,
        });
        writer.WriteElement(new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<string> cells, uint styleIndex,
        double? height = null)
    {
        writer.WriteStartElement(height is { } h ? new Row { RowIndex = rowIndex, Height = h, CustomHeight = true }
            : new Row { RowIndex = rowIndex });
        for (var i = 0; i < cells.Count; i++)
        {
            writer.WriteElement(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(cells[i])) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = ColumnName(i) + rowIndex, DataType = CellValues.InlineString, StyleIndex = styleIndex,
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>
    /// A row's height in points for its wrapped text: LibreOffice keeps the default one-line height of a row written
    /// without one, cutting wrapped text off. A CJK character takes two width units of a column, others one.
    /// </summary>
    private static double HeightOf(IReadOnlyList<string> cells, IReadOnlyList<double> widths)
    {
        var lines = 1;
        for (var i = 0; i < cells.Count && i < widths.Count; i++)
        {
            var room = Math.Max(1, widths[i] - 1);
            var cellLines = cells[i].Split('\n')
                .Sum(line => Math.Max(1, (int)Math.Ceiling(line.Sum(c => c > '\u2E80' ? 2 : 1) / room)));
            lines = Math.Max(lines, cellLines);
        }
        return Math.Min(409, 15 * lines + 2);
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

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        return new Stylesheet(
            new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new FontSize { Val = 14 })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(), thin),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
                    { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                    { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment
                {
                    WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center,
                }) { FontId = 2, ApplyFont = true, ApplyAlignment = true }));
    }
}
