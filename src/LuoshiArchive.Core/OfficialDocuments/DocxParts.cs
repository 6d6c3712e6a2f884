using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// The pieces the supervision documents (督办单, 自查自评表, 季度报告) share on the GB/T 9704 page of
/// <see cref="OfficialPage"/>: title, headings, right-aligned lines and a bordered table in 仿宋.
/// </summary>
internal static class DocxParts
{
    /// <summary>Width of the type area in twips: A4 minus the GB/T 9704 left and right margins.</summary>
    public const int TextWidth = 11906 - 1588 - 1474;
    public const int TableTextSize = 24; // 小四

    public static void Write(Stream output, Action<Body> content)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = OfficialPage.Styles();
        var body = new Body();
        content(body);
        body.Append(OfficialPage.Section());
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>The title: 二号 方正小标宋简体, centred, on a taller line.</summary>
    public static Paragraph Title(string text, string? color = null) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Line = "780", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Center }),
            OfficialPage.Text(text, OfficialPage.XiaoBiaoSong, OfficialPage.MarkSize, color, bodySpacing: false));

    /// <summary>A first-level heading ("一、…"): 黑体, indented two characters like the body.</summary>
    public static Paragraph Heading(string text) => OfficialPage.Body(text, OfficialPage.HeiTi);

    /// <summary>A line without first-line indent, e.g. the 主送 line.</summary>
    public static Paragraph Flush(string text) => new(OfficialPage.Text(text));

    public static Paragraph Right(string text) =>
        new(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), OfficialPage.Text(text));

    /// <summary>Body paragraphs from text with one paragraph per line; blank lines dropped.</summary>
    public static IEnumerable<Paragraph> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(line => OfficialPage.Body(line));

    /// <summary>A bordered table across the type area; the header row repeats on every page.</summary>
    public static Table Table(IReadOnlyList<int> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = () => new BorderType[]
        {
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(border()),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(Row(widths, header, heading: true));
        foreach (var row in rows) table.Append(Row(widths, row, heading: false));
        return table;
    }

    /// <summary>A two-column form (label | value), as printed orders are laid out.</summary>
    public static Table Form(IEnumerable<(string Label, string Value)> fields)
    {
        int[] widths = [2000, TextWidth - 2000];
        var rows = fields.Select(f => (IReadOnlyList<string>)[f.Label, f.Value]).ToList();
        var table = Table(widths, rows[0], rows.Skip(1));
        // A form has no header row: the first row is data like the rest.
        table.Elements<TableRow>().First().TableRowProperties?.Remove();
        return table;
    }

    private static TableRow Row(IReadOnlyList<int> widths, IReadOnlyList<string> cells, bool heading)
    {
        var row = new TableRow();
        if (heading) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Count; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            var cell = new TableCell(new TableCellProperties(
                new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
            var lines = text.Split('\n');
            foreach (var line in lines)
            {
                cell.Append(new Paragraph(new ParagraphProperties(
                        new SpacingBetweenLines { Line = "320", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
                        new Justification { Val = heading ? JustificationValues.Center : JustificationValues.Left }),
                    OfficialPage.Text(line, heading ? OfficialPage.HeiTi : OfficialPage.FangSong, TableTextSize, bodySpacing: false)));
            }
            row.Append(cell);
        }
        return row;
    }
}
