using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Tests.OfficialDocuments;

/// <summary>
/// The GB/T 9704 generator, read back: the XML carries the standard's numbers and the OpenXML validator finds nothing.
/// The printed page is measured in Layout/PrintedPageTests.
/// </summary>
public sealed class OfficialDocumentWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("luoshi-doc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DocumentSpec Seed() =>
        DocumentSpecReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "seed-notice.json")));

    private string Render(DocumentSpec spec, string name = "notice.docx")
    {
        var path = Path.Combine(_dir, name);
        using (var file = File.Create(path)) OfficialDocumentWriter.Write(file, spec);
        return path;
    }

    [Fact]
    public void The_seed_notice_has_the_standard_page_mark_number_rule_title_and_fonts()
    {
        var path = Render(Seed());
        using var docx = WordprocessingDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(docx));
        var body = docx.MainDocumentPart!.Document!.Body!;
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((2098, 1984, 1588u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        Assert.Equal(579, section.GetFirstChild<DocGrid>()!.LinePitch!.Value);
        var defaults = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!;
        Assert.Equal("32", defaults.Descendants<FontSize>().First().Val!.Value);
        Assert.Equal("579", defaults.Descendants<SpacingBetweenLines>().First().Line!.Value);

        var paragraphs = body.Elements<Paragraph>().ToList();
        var mark = paragraphs.First(p => p.InnerText == "天津市教育委员会文件");
        Assert.Equal("FF0000", mark.Descendants<Color>().Single().Val!.Value);
        Assert.Equal("方正小标宋简体", mark.Descendants<RunFonts>().First().EastAsia!.Value);
        // 35 mm (1984 twips) under the type area's top, less the space above the glyphs in the mark's line (the PDF
        // measure is in Layout/PrintedPageTests).
        Assert.InRange(int.Parse(mark.ParagraphProperties!.SpacingBetweenLines!.Before!.Value!), 1900, 1984);

        var number = paragraphs.First(p => p.InnerText == "津教委〔2018〕1号");
        Assert.Equal(JustificationValues.Center, number.ParagraphProperties!.Justification!.Val!.Value);
        var rule = number.ParagraphProperties.ParagraphBorders!.BottomBorder!;
        Assert.Equal(("FF0000", 10u), (rule.Color!.Value, rule.Space!.Value));
        // Two blank lines between the mark and the number, and between the red rule and the title.
        var iMark = paragraphs.IndexOf(mark);
        var iNumber = paragraphs.IndexOf(number);
        Assert.Equal(3, iNumber - iMark);
        var title = paragraphs[iNumber + 3];
        Assert.Equal("市教委关于印发建立健全推进工作落实长效机制方案的通知", title.InnerText);
        Assert.Equal("44", title.Descendants<FontSize>().First().Val!.Value);
        Assert.Equal(2, title.Descendants<Run>().Count());
        Assert.Single(title.Descendants<Break>());

        var recipients = paragraphs[iNumber + 5];
        Assert.EndsWith("：", recipients.InnerText);
        var firstBody = paragraphs[iNumber + 6];
        Assert.StartsWith("为深入贯彻党的十九大精神", firstBody.InnerText);
        Assert.Equal("640", firstBody.ParagraphProperties!.Indentation!.FirstLine!.Value);
        Assert.Equal(-5, firstBody.Descendants<Spacing>().First().Val!.Value);

        // Heading levels: 一、黑体, （一）楷体, 1. 仿宋.
        string FontOf(string start) => paragraphs.First(p => p.InnerText.StartsWith(start, StringComparison.Ordinal))
            .Descendants<RunFonts>().First().EastAsia!.Value!;
        Assert.Equal("黑体", FontOf("一、建立健全清单管理机制"));
        Assert.Equal("楷体_GB2312", FontOf("（一）突出落实重点"));
        Assert.Equal("仿宋_GB2312", FontOf("1.党中央"));

        // §7.3.5.2: the date starts two characters right of the signature; both kept with the text above.
        var date = paragraphs.First(p => p.InnerText == "2018年2月8日");
        var signature = paragraphs[paragraphs.IndexOf(date) - 1];
        Assert.Equal("天津市教育委员会", signature.InnerText);
        Assert.Equal(2 * 315, int.Parse(date.ParagraphProperties!.Indentation!.Left!.Value!) - int.Parse(signature.ParagraphProperties!.Indentation!.Left!.Value!));
        Assert.NotNull(signature.ParagraphProperties.KeepNext);
        Assert.NotNull(date.ParagraphProperties.KeepNext); // the 附注 follows it
        Assert.Equal("（此件主动公开）", paragraphs[paragraphs.IndexOf(date) + 1].InnerText);
        Assert.Contains(paragraphs, p => p.InnerText == "附件：市教委工作落实清单（样表）");
        Assert.Contains(paragraphs, p => p.InnerText == "附件" && p.Descendants<RunFonts>().First().EastAsia == "黑体");

        // 版记: 抄送 and 印发 rows of a table the type area's width, between black rules (first and last thicker), in a
        // text box whose foot is the foot of the type area.
        var colophon = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Anchor>().Single();
        var table = colophon.Descendants<TextBoxContent>().Single().Elements<Table>().Single();
        var lines = table.Descendants<Paragraph>().ToList();
        Assert.Equal("抄送：市教育招生考试院，各普通高等学校，各高职院校，各区教育局。", lines[0].InnerText);
        Assert.Equal("天津市教育委员会办公室2018年2月8日印发", lines[1].InnerText);
        Assert.Equal("8844", table.GetFirstChild<TableProperties>()!.TableWidth!.Width!.Value);
        var rules = table.GetFirstChild<TableProperties>()!.TableBorders!;
        Assert.Equal((8u, 4u, 8u), (rules.TopBorder!.Size!.Value, rules.InsideHorizontalBorder!.Size!.Value, rules.BottomBorder!.Size!.Value));
        Assert.Equal("28", lines[0].Descendants<FontSize>().First().Val!.Value);
        Assert.Equal("zh-CN", lines[0].Descendants<Languages>().First().EastAsia!.Value);
        var top = long.Parse(colophon.VerticalPosition!.PositionOffset!.Text);
        var height = colophon.Extent!.Cy!.Value;
        Assert.Equal(12756L * 635, top + height);

        // Page numbers: "— N —", odd right and even left, even/odd footers switched on.
        Assert.NotNull(docx.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var footers = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => (FooterPart)docx.MainDocumentPart.GetPartById(r.Id!));
        var odd = footers[HeaderFooterValues.Default].Footer!;
        var even = footers[HeaderFooterValues.Even].Footer!;
        Assert.Equal("— 1 —", odd.InnerText);
        Assert.Equal(JustificationValues.Right, odd.Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Left, even.Descendants<Justification>().Single().Val!.Value);
        Assert.Contains("PAGE", odd.Descendants<SimpleField>().Single().Instruction!.Value);
    }

    [Theory]
    [InlineData("市教委关于印发建立健全推进工作落实长效机制方案的通知", new[] { "市教委关于印发建立健全推进", "工作落实长效机制方案的通知" })]
    [InlineData("关于对2018年度重点任务完成情况予以通报表扬的通报", new[] { "关于对2018年度重点任务", "完成情况予以通报表扬的通报" })]
    [InlineData("关于召开会议的通知", new[] { "关于召开会议的通知" })]
    [InlineData("关于对政策法规处和发展规划处予以通报批评的通报", new[] { "关于对政策法规处和发展规划处", "予以通报批评的通报" })]
    [InlineData("天津市教育委员会关于2018年度全市教育系统重点工作任务督查督办情况和下一步工作安排的通报",
        new[] { "天津市教育委员会关于2018年度", "全市教育系统重点工作任务督查督办", "情况和下一步工作安排的通报" })]
    public void Long_titles_break_between_words_into_a_trapezoid(string title, string[] expected)
    {
        var lines = TitleLines.Break(title);
        Assert.Equal(expected, lines);
        Assert.All(lines, l => Assert.True(l.Length <= TitleLines.MaxPerLine));
        for (var i = 1; i < lines.Count; i++) Assert.True(lines[i].Length <= lines[i - 1].Length);
    }
}
