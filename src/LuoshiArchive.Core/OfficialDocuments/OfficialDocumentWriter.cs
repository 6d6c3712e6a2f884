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
        if (spec.Attachments.Count > 0 && spec.Enclosure is null) WriteAttachmentNote(body, spec.Attachments);
        WriteSignature(body, spec);
        if (spec.Enclosure is { } enclosure)
        {
            // 印发通知: the issued document follows on a new page; its own attachment note closes it.
            body.Append(PageBreak());
            body.Append(OfficialPage.Centered(TitleRuns(enclosure.Title)));
            body.Append(OfficialPage.Blank());
            foreach (var p in enclosure.Paragraphs) body.Append(Paragraph(p));
            if (spec.Attachments.Count > 0) WriteAttachmentNote(body, spec.Attachments);
        }
        for (var i = 0; i < spec.Attachments.Count; i++)
        {
            var content = i < spec.AttachmentBodies.Count ? spec.AttachmentBodies[i] : null;
            if (content is null) continue;
            WriteAttachment(body, spec.Attachments.Count == 1 ? "附件" : $"附件{i + 1}", content with { Title = content.Title.Length > 0 ? content.Title : spec.Attachments[i] });
        }
        if (spec.Cc.Count > 0 || spec.Printer.Length > 0) body.Append(Colophon(spec));

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
            // The mark's top edge 35 mm (1984 twips) below the top of the type area.
            body.Append(new Paragraph(new ParagraphProperties(
                    new SpacingBetweenLines { Before = "1984", Line = (size * 10 * 5 / 4).ToString(), LineRule = LineSpacingRuleValues.Exact },
                    new Justification { Val = JustificationValues.Center }),
                OfficialPage.Text(mark, OfficialPage.XiaoBiaoSong, size, layout.MarkColor, bodySpacing: false)));
        }
        body.Append(OfficialPage.Blank(), OfficialPage.Blank());
        // 发文字号 centred, with the red separator 4 mm (11 pt) under it across the type area.
        var numberLine = new Paragraph(new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 8, Color = layout.MarkColor, Space = 11 }),
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

    private static void WriteAttachmentNote(Body body, IReadOnlyList<string> attachments)
    {
        body.Append(OfficialPage.Blank());
        if (attachments.Count == 1)
        {
            body.Append(Indented(OfficialPage.TwoCharacterIndent, 0, "附件：" + attachments[0].TrimEnd('。', '；', '，')));
            return;
        }
        for (var i = 0; i < attachments.Count; i++)
        {
            var text = $"{i + 1}. {attachments[i].TrimEnd('。', '；', '，')}";
            // Later items line up under the first item's number: two characters of indent plus "附件：".
            body.Append(i == 0
                ? Indented(OfficialPage.TwoCharacterIndent, 0, "附件：" + text)
                : Indented(OfficialPage.TwoCharacterIndent + 3 * CharacterWidth, 0, text));
        }
    }

    private static Paragraph Indented(int left, int right, string text, string font = OfficialPage.FangSong) =>
        new(new ParagraphProperties(new Indentation { Left = left.ToString(), Right = right.ToString() }), OfficialPage.Text(text, font));

    /// <summary>
    /// Seal-less signature: the organ's name two characters from the right edge, the date on the next line centred
    /// under it; the 附注 on the line after, indented two characters, in full-width parentheses.
    /// </summary>
    private static void WriteSignature(Body body, DocumentSpec spec)
    {
        body.Append(OfficialPage.Blank());
        var date = ChineseDates.Format(spec.Date);
        var signatureWidth = Width(spec.Signature);
        var dateWidth = Width(date);
        var signatureRight = 2 * CharacterWidth;
        var dateRight = Math.Max(0, signatureRight + (signatureWidth - dateWidth) / 2);
        body.Append(new Paragraph(new ParagraphProperties(new Indentation { Right = signatureRight.ToString() }, new Justification { Val = JustificationValues.Right }),
            OfficialPage.Text(spec.Signature)));
        body.Append(new Paragraph(new ParagraphProperties(new Indentation { Right = dateRight.ToString() }, new Justification { Val = JustificationValues.Right }),
            OfficialPage.Text(date)));
        if (spec.Note.Trim().Length > 0) body.Append(Indented(OfficialPage.TwoCharacterIndent, 0, Note(spec.Note)));
    }

    /// <summary>附注 in full-width parentheses.</summary>
    public static string Note(string note)
    {
        var t = note.Trim().TrimStart('(', '（').TrimEnd(')', '）');
        return $"（{t}）";
    }

    /// <summary>Printed width in twips: full-width characters one body character, digits and Latin letters half.</summary>
    private static int Width(string text) => text.Sum(c => c < 0x2E80 ? CharacterWidth / 2 : CharacterWidth);

    private static void WriteAttachment(Body body, string label, DocumentAttachment attachment)
    {
        body.Append(PageBreak());
        body.Append(new Paragraph(OfficialPage.Text(label, OfficialPage.HeiTi)));
        body.Append(OfficialPage.Blank());
        body.Append(OfficialPage.Centered(TitleRuns(attachment.Title)));
        body.Append(OfficialPage.Blank());
        foreach (var p in attachment.Paragraphs) body.Append(Paragraph(p));
        if (attachment.Table is { } table) body.Append(Table(table), new Paragraph());
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    private static Table Table(DocumentTable table)
    {
        var columns = Math.Max(1, table.Header.Count);
        var width = TypeAreaWidth / columns;
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var result = new Table(new TableProperties(new TableWidth { Width = TypeAreaWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                border, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width.ToString() })));
        result.Append(Row(table.Header, columns, width, header: true));
        foreach (var row in table.Rows) result.Append(Row(row, columns, width, header: false));
        return result;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int columns, int width, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < columns; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.AtLeast },
                        new Justification { Val = JustificationValues.Center }),
                    OfficialPage.Text(text, header ? OfficialPage.HeiTi : OfficialPage.FangSong, 21, bodySpacing: false))));
        }
        return row;
    }

    /// <summary>
    /// 版记: the 抄送 and 印发 lines between black rules (first and last 0.35 mm, middle 0.25 mm), each one 579-twip
    /// grid line, in a text box anchored to the last page so that its last rule lies on the bottom edge of the type
    /// area. (A DrawingML text box: LibreOffice honours its offset, but ignores the position of frames and floating tables.)
    /// </summary>
    private static Paragraph Colophon(DocumentSpec spec)
    {
        const int indent = 280; // one 四号 character
        var cc = spec.Cc.Count == 0 ? null : "抄送：" + string.Join("，", spec.Cc.Select(c => c.Trim().TrimEnd('，', '、', '。'))) + "。";
        var ccLines = cc is null ? 0 : (int)Math.Ceiling((double)cc.Length * 280 / (TypeAreaWidth - 2 * indent));
        var height = (ccLines + 1) * OfficialPage.LinePitch;
        BottomBorder Rule(uint size) => new() { Val = BorderValues.Single, Size = size, Space = 0, Color = "000000" };
        TopBorder TopRule() => new() { Val = BorderValues.Single, Size = 8, Space = 0, Color = "000000" };
        var lines = new List<Paragraph>();
        if (cc is not null)
        {
            lines.Add(new Paragraph(new ParagraphProperties(new ParagraphBorders(TopRule(), Rule(6)),
                    new Indentation { Left = indent.ToString(), Right = indent.ToString(), Hanging = (3 * indent).ToString() }),
                OfficialPage.Text(cc, OfficialPage.FangSong, SmallSize, bodySpacing: false)));
        }
        var printDate = spec.PrintDate ?? spec.Date;
        lines.Add(new Paragraph(new ParagraphProperties(
                cc is null ? new ParagraphBorders(TopRule(), Rule(8)) : new ParagraphBorders(Rule(8)),
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = TypeAreaWidth - 2 * indent }),
                new Indentation { Left = indent.ToString(), Right = indent.ToString() }),
            OfficialPage.Text(spec.Printer, OfficialPage.FangSong, SmallSize, bodySpacing: false),
            new Run(new TabChar()),
            OfficialPage.Text(ChineseDates.Format(printDate) + "印发", OfficialPage.FangSong, SmallSize, bodySpacing: false)));

        const long emuPerTwip = 635;
        var width = TypeAreaWidth * emuPerTwip;
        var tall = height * emuPerTwip;
        var offset = (TypeAreaHeight - height) * emuPerTwip;
        var xml = $"""
            <w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">
            <wp:simplePos x="0" y="0"/>
            <wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>
            <wp:positionV relativeFrom="margin"><wp:posOffset>{offset}</wp:posOffset></wp:positionV>
            <wp:extent cx="{width}" cy="{tall}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>
            <wp:docPr id="9704" name="版记"/><wp:cNvGraphicFramePr/>
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
            <wps:cNvSpPr txBox="1"/>
            <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{tall}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
            <wps:txbx><w:txbxContent>{string.Concat(lines.Select(l => l.OuterXml))}</w:txbxContent></wps:txbx>
            <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"><a:noAutofit/></wps:bodyPr>
            </wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
            """;
        return new Paragraph(new Run(new Drawing(xml)));
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
