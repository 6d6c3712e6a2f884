using LuoshiArchive.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// Writes a <see cref="DocumentSpec"/> as a DOCX in the GB/T 9704-2012 layout (STANDARDS.md), top to bottom:
/// 发文机关标志 → 发文字号 → red separator → 标题 → 主送 → 正文 (four heading levels) → 附件说明 → 署名 and 成文日期 →
/// 附注 → the issued document and the attachments on new pages → 版记 at the foot of the last page; "— N —" page numbers
/// alternating right and left.
/// </summary>
public static class OfficialDocumentWriter
{
    /// <summary>Width of one body character: 16 pt glyph − 0.25 pt spacing = 15.75 pt = 315 twips (28 per line).</summary>
    public const int CharacterWidth = 315;
    /// <summary>Top margin: 37 mm.</summary>
    public const int TopMargin = 2098;
    /// <summary>Type area height: 225 mm.</summary>
    public const int TypeAreaHeight = 12756;
    /// <summary>Type area width: 156 mm.</summary>
    public const int TypeAreaWidth = 8844;
    /// <summary>四号 (14 pt) in half-points: page numbers and the 版记.</summary>
    public const int SmallSize = 28;
    /// <summary>Footer distance from the page's bottom edge: the number's top sits 7 mm below the type area (35 − 7 = 28 mm, less its line).</summary>
    public const int FooterDistance = 1247;
    public const string KaiTi = "楷体_GB2312";
    /// <summary>Space above the mark's ink in an exact one-em line, per mille of the em (FandolSong Bold in LibreOffice).</summary>
    public const int MarkInkOffsetPerMille = 45;
    public const string SongTi = "宋体";

    public static void Write(Stream output, DocumentSpec spec, DocumentLayout? layout = null)
    {
        layout ??= new DocumentLayout();
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = OfficialPage.Styles();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders());
        var oddFooter = main.AddNewPart<FooterPart>();
        oddFooter.Footer = PageNumberFooter(odd: true);
        var evenFooter = main.AddNewPart<FooterPart>();
        evenFooter.Footer = PageNumberFooter(odd: false);

        var body = new Body();
        WriteHead(body, spec, layout);
        WriteText(body, spec);
        if (spec.Attachments.Count > 0 && spec.Enclosure is null) WriteAttachmentNote(body, spec.Attachments, kept: true);
        // The closing line (特此通报。) or the 附件说明 stays on the page of the signature.
        SignatureBlock.Kept(body.Elements<Paragraph>().Last());
        body.Append(SignatureBlock.Paragraphs(spec));
        if (spec.Enclosure is { } enclosure)
        {
            // 印发通知: the issued document follows on a new page; its own attachment note closes it.
            body.Append(PageBreak());
            body.Append(OfficialPage.Centered(TitleRuns(enclosure.Title)));
            body.Append(OfficialPage.Blank());
            foreach (var p in enclosure.Paragraphs) body.Append(Paragraph(p));
            if (spec.Attachments.Count > 0) WriteAttachmentNote(body, spec.Attachments, kept: false);
        }
        for (var i = 0; i < spec.Attachments.Count; i++)
        {
            var content = i < spec.AttachmentBodies.Count ? spec.AttachmentBodies[i] : null;
            if (content is null) continue;
            WriteAttachment(body, spec.Attachments.Count == 1 ? "附件" : $"附件{i + 1}", content with { Title = content.Title.Length > 0 ? content.Title : spec.Attachments[i] });
        }
        // The 版记 rides on the document's last paragraph (after a closing table, the 1-pt paragraph that follows it),
        // so it lands on the page of the last text; table rows and text keep clear of it.
        if (Colophon.Wanted(spec)) body.Elements<Paragraph>().Last().Append(Colophon.Box(spec));

        var section = OfficialPage.Section();
        section.GetFirstChild<PageMargin>()!.Footer = (uint)FooterDistance;
        section.PrependChild(new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(evenFooter) });
        section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(oddFooter) });
        body.Append(section);
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static void WriteHead(Body body, DocumentSpec spec, DocumentLayout layout)
    {
        var mark = spec.Mark.Trim();
        if (mark.Length > 0)
        {
            var size = layout.MarkSizeFor(mark);
            // The mark's ink 35 mm (1984 twips) below the top of the type area: its line exactly one em high, moved up
            // by the space LibreOffice leaves above the glyphs in such a line (measured on the PDF, PrintedPageTests).
            body.Append(new Paragraph(new ParagraphProperties(new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Before = (1984 - size * 10 * MarkInkOffsetPerMille / 1000).ToString(),
                        Line = (size * 10).ToString(), LineRule = LineSpacingRuleValues.Exact },
                    new Justification { Val = JustificationValues.Center }),
                OfficialPage.Text(mark, OfficialPage.XiaoBiaoSong, size, layout.MarkColor, bodySpacing: false)));
        }
        body.Append(OfficialPage.Blank(), OfficialPage.Blank());
        // 发文字号 centred, with the red separator 4 mm under its glyphs (10 pt under the line) across the type area.
        var numberLine = new Paragraph(new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 8, Color = layout.MarkColor, Space = 10 }),
                new Justification { Val = JustificationValues.Center }),
            OfficialPage.Text(Normalised(spec.Number)));
        body.Append(numberLine);
        body.Append(OfficialPage.Blank(), OfficialPage.Blank());
        body.Append(OfficialPage.Centered(TitleRuns(spec.Title)));
        if (spec.Recipients.Length > 0)
        {
            body.Append(OfficialPage.Blank());
            body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Both }),
                OfficialPage.Text(Recipients(spec.Recipients))));
        }
    }

    private static string Normalised(string number) =>
        DocumentNumber.TryParse(number, out var parsed) ? parsed.ToString() : number.Trim();

    /// <summary>主送机关 end with a full-width colon.</summary>
    public static string Recipients(string text)
    {
        var t = text.Trim().TrimEnd(':', '：');
        return t + "：";
    }

    private static Run[] TitleRuns(string title)
    {
        var lines = TitleLines.Break(title);
        var runs = new List<Run>();
        for (var i = 0; i < lines.Count; i++)
        {
            var run = OfficialPage.Text(lines[i], OfficialPage.XiaoBiaoSong, OfficialPage.MarkSize, bodySpacing: false);
            if (i > 0) run.InsertAfter(new Break(), run.RunProperties);
            runs.Add(run);
        }
        return [.. runs];
    }

    private static void WriteText(Body body, DocumentSpec spec)
    {
        foreach (var p in spec.Paragraphs) body.Append(Paragraph(p));
    }

    /// <summary>Body text and the four heading levels: 一、黑体 →（一）楷体 → 1. 仿宋 →（1）仿宋, all 3号, indented two characters.</summary>
    public static Paragraph Paragraph(DocumentParagraph p)
    {
        var font = p.Level switch { 1 => OfficialPage.HeiTi, 2 => KaiTi, _ => OfficialPage.FangSong };
        return OfficialPage.Body(p.Text, font);
    }

    /// <summary>
    /// 附件说明: "附件：1.XXXXX" as the standard's example (no space after the number), later items under the first
    /// number, a long name's later lines under the start of the name. <paramref name="kept"/>: held with what follows.
    /// </summary>
    private static void WriteAttachmentNote(Body body, IReadOnlyList<string> attachments, bool kept)
    {
        Paragraph Keep(Paragraph p) => kept ? SignatureBlock.Kept(p) : p;
        body.Append(Keep(OfficialPage.Blank()));
        const int label = 3 * CharacterWidth; // "附件："
        for (var i = 0; i < attachments.Count; i++)
        {
            var name = attachments[i].Trim().TrimEnd('。', '；', '，');
            var number = attachments.Count == 1 ? "" : $"{i + 1}.";
            var numberWidth = (int)(SignatureBlock.Width(number) * CharacterWidth);
            var left = OfficialPage.TwoCharacterIndent + label + numberWidth;
            var hanging = (i == 0 ? label : 0) + numberWidth;
            body.Append(Keep(new Paragraph(new ParagraphProperties(
                    new Indentation { Left = left.ToString(), Hanging = hanging.ToString() }),
                OfficialPage.Text((i == 0 ? "附件：" : "") + number + name))));
        }
    }

    private static void WriteAttachment(Body body, string label, DocumentAttachment attachment)
    {
        body.Append(PageBreak());
        body.Append(new Paragraph(OfficialPage.Text(label, OfficialPage.HeiTi)));
        body.Append(OfficialPage.Blank());
        body.Append(OfficialPage.Centered(TitleRuns(attachment.Title)));
        body.Append(OfficialPage.Blank());
        foreach (var p in attachment.Paragraphs) body.Append(Paragraph(p));
        if (attachment.Table is { } table) body.Append(Table(table), Tiny());
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>The paragraph a table must be followed by, 1 pt high so that it never takes a page of its own.</summary>
    private static Paragraph Tiny() => new(new ParagraphProperties(
        new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact },
        new ParagraphMarkRunProperties(new FontSize { Val = "2" })));

    private static Table Table(DocumentTable table)
    {
        var (widths, size, margin) = TableColumns.Fit(table, TypeAreaWidth);
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var result = new Table(new TableProperties(new TableWidth { Width = TypeAreaWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                border, new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TableCellLeftMargin { Width = (short)margin, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = (short)margin, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        result.Append(Row(table.Header, widths, size, header: true));
        foreach (var row in table.Rows) result.Append(Row(row, widths, size, header: false));
        return result;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, int size, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa }),
                // Off the 579-twip grid: a cell's lines are the text's own height, not one grid line each.
                new Paragraph(new ParagraphProperties(new SnapToGrid { Val = false },
                        new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.AtLeast },
                        new Justification { Val = JustificationValues.Center }),
                    OfficialPage.Text(text, header ? OfficialPage.HeiTi : OfficialPage.FangSong, size, bodySpacing: false))));
        }
        return row;
    }

    /// <summary>"— N —" in 4号 宋体: odd pages on the right, even pages on the left, one character in from the edge.</summary>
    private static Footer PageNumberFooter(bool odd)
    {
        Run Plain(string text) => OfficialPage.Text(text, SongTi, SmallSize, bodySpacing: false);
        var fieldProperties = new RunProperties(new RunFonts { Ascii = SongTi, HighAnsi = SongTi, EastAsia = SongTi },
            new FontSize { Val = SmallSize.ToString() }, OfficialPage.SimplifiedChinese());
        var paragraph = new Paragraph(new ParagraphProperties(
                new Indentation { Left = odd ? "0" : "280", Right = odd ? "280" : "0" },
                new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left }),
            Plain("— "),
            new SimpleField(new Run((RunProperties)fieldProperties.CloneNode(true), new DocumentFormat.OpenXml.Wordprocessing.Text("1"))) { Instruction = " PAGE " },
            Plain(" —"));
        return new Footer(paragraph);
    }
}

/// <summary>Layout options a template may set: the mark's colour and size.</summary>
public sealed record DocumentLayout
{
    public string MarkColor { get; init; } = OfficialPage.Red;
    /// <summary>Half-points; 0 = the largest up to 小初 (36 pt) that fits the type area on one line.</summary>
    public int MarkSize { get; init; }

    public int MarkSizeFor(string mark)
    {
        if (MarkSize > 0) return MarkSize;
        var fit = TitleLines.MaxPerLine * 44 / Math.Max(1, mark.Length);
        return Math.Clamp(fit, OfficialPage.MarkSize, 72);
    }
}
