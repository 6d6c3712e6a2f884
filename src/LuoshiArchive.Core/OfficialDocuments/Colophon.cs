using LuoshiArchive.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// 版记 (GB/T 9704 §7.4): 抄送 and 印发 in 4号仿宋 between black rules the type area's width (first and last 0.35 mm,
/// middle 0.25 mm), 抄送 one character in with its later lines under the first name, 印发机关 one character in from the
/// left and 印发日期 one character in from the right. A one-column table (its borders span the cell, whatever the text
/// indents; the middle rule 0.5 pt, the nearest LibreOffice draws thinner than the others) in a text box whose foot
/// is the foot of the type area, anchored in the document's last paragraph so that it shares the page of the last
/// text (LibreOffice honours a DrawingML box's offset; it ignores frames' positions).
/// </summary>
public static class Colophon
{
    /// <summary>One 4号 (14 pt) character: the 版记's indent from each side.</summary>
    public const int Indent = 280;
    private const int FirstAndLast = 8;   // eighths of a point: 1 pt ≈ 0.35 mm
    private const int Middle = 4;         // 0.5 pt ≈ 0.18 mm: LibreOffice draws 0.75 pt as thick as the 1 pt rules

    public static bool Wanted(DocumentSpec spec) => spec.Cc.Count > 0 || spec.Printer.Trim().Length > 0;

    public static string CcLine(IReadOnlyList<string> cc) =>
        "抄送：" + string.Join("，", cc.Select(c => c.Trim().TrimEnd('，', '、', '。', '；'))) + "。";

    /// <summary>The 版记 as a run holding an anchored text box, to append to the last paragraph of the document.</summary>
    public static Run Box(DocumentSpec spec)
    {
        var rows = new List<TableRow>();
        if (spec.Cc.Count > 0)
        {
            // Later lines start under the first name: left indent of 抄送： plus one character, first line hanging back.
            rows.Add(Row(new Paragraph(new ParagraphProperties(
                    new Indentation { Left = (4 * Indent).ToString(), Right = Indent.ToString(), Hanging = (3 * Indent).ToString() }),
                Text(CcLine(spec.Cc)))));
        }
        var printDate = ChineseDates.Format(spec.PrintDate ?? spec.Date) + "印发";
        rows.Add(Row(new Paragraph(new ParagraphProperties(
                // Tab stops count from the cell's left edge, not from the indent: the date's right edge one character in.
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = OfficialDocumentWriter.TypeAreaWidth - Indent }),
                new Indentation { Left = Indent.ToString(), Right = "0" }),
            Text(spec.Printer.Trim()), new Run(new TabChar()), Text(printDate))));
        var ccLines = spec.Cc.Count == 0 ? 0 : Lines(CcLine(spec.Cc));
        var height = (ccLines + 1) * OfficialPage.LinePitch;

        var table = new Table(new TableProperties(
                new TableWidth { Width = OfficialDocumentWriter.TypeAreaWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(Rule<TopBorder>(FirstAndLast), new LeftBorder { Val = BorderValues.Nil },
                    Rule<BottomBorder>(FirstAndLast), new RightBorder { Val = BorderValues.Nil },
                    Rule<InsideHorizontalBorder>(Middle), new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })),
            new TableGrid(new GridColumn { Width = OfficialDocumentWriter.TypeAreaWidth.ToString() }));
        table.Append(rows);
        return TextBox.Anchored(table.OuterXml + new Paragraph(new ParagraphProperties(
                new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact }, new ParagraphMarkRunProperties(new FontSize { Val = "2" })))
            .OuterXml, OfficialDocumentWriter.TypeAreaWidth, height, OfficialDocumentWriter.TypeAreaHeight - height, "版记");
    }

    /// <summary>Lines the 抄送 takes: 4号 characters in the type area less the two indents.</summary>
    private static int Lines(string cc)
    {
        var first = (OfficialDocumentWriter.TypeAreaWidth - 2 * Indent) / Indent;
        var later = first - 3;
        var width = cc.Sum(c => c < 0x2E80 ? 0.5 : 1.0);
        return width <= first ? 1 : 1 + (int)Math.Ceiling((width - first) / later);
    }

    private static TableRow Row(Paragraph paragraph) =>
        new(new TableRowProperties(new TableRowHeight { Val = (uint)OfficialPage.LinePitch, HeightType = HeightRuleValues.AtLeast },
                new CantSplit()),
            new TableCell(new TableCellProperties(
                new TableCellWidth { Width = OfficialDocumentWriter.TypeAreaWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), paragraph));

    private static T Rule<T>(int size) where T : BorderType, new() =>
        new() { Val = BorderValues.Single, Size = (uint)size, Space = 0, Color = "000000" };

    private static Run Text(string text) =>
        OfficialPage.Text(text, OfficialPage.FangSong, OfficialDocumentWriter.SmallSize, bodySpacing: false);
}
