using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Text;

public class BadInputTests
{
    private static readonly TextExtractor Extractor = new(new ExtractionLimits(), ConverterPaths.None);

    private static ExtractionException Refused(string name, byte[] bytes, ExtractionLimits? limits = null) =>
        Assert.Throws<ExtractionException>(() =>
            new TextExtractor(limits ?? new ExtractionLimits(), ConverterPaths.None).Extract(Fixture.Scratch(name, bytes), name));

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal(ExtractionProblem.Empty, Refused("空.txt", []).Problem);

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var error = Refused("大.txt", new byte[2048], new ExtractionLimits { MaxFileBytes = 1024 });
        Assert.Equal(ExtractionProblem.TooLarge, error.Problem);
    }

    [Fact]
    public void A_docx_named_pdf_is_refused_saying_what_it_really_is()
    {
        var error = Refused("通知.pdf", File.ReadAllBytes(Fixture.Path("notice.docx")));
        Assert.Equal(ExtractionProblem.WrongExtension, error.Problem);
        Assert.Contains("Word 文档（DOCX）", error.Message);
    }

    [Fact]
    public void A_pdf_named_docx_is_refused_too() =>
        Assert.Equal(ExtractionProblem.WrongExtension, Refused("通知.docx", File.ReadAllBytes(Fixture.Path("notice.pdf"))).Problem);

    [Theory]
    [InlineData("程序.exe")]
    [InlineData("照片.jpg")]
    public void Unsupported_types_are_refused(string name) =>
        Assert.Equal(ExtractionProblem.Unsupported, Refused(name, [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]).Problem);

    [Fact]
    public void Binary_content_named_txt_is_refused() =>
        Assert.Equal(ExtractionProblem.Unsupported, Refused("说明.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48]).Problem);

    [Fact]
    public void A_truncated_docx_is_refused_as_corrupt() =>
        Assert.Equal(ExtractionProblem.Corrupt, Refused("截断.docx", File.ReadAllBytes(Fixture.Path("notice.docx"))[..4000]).Problem);

    [Fact]
    public void A_truncated_pdf_is_refused_as_corrupt() =>
        Assert.Equal(ExtractionProblem.Corrupt, Refused("截断.pdf", File.ReadAllBytes(Fixture.Path("notice.pdf"))[..3000]).Problem);

    [Fact]
    public void A_zip_bomb_docx_is_refused_before_it_is_expanded()
    {
        var error = Refused("炸弹.docx", MadeFiles.ZipBombDocx());
        Assert.Equal(ExtractionProblem.ZipBomb, error.Problem);
        Assert.Contains("压缩炸弹", error.Message);
    }

    [Fact]
    public void A_docx_keeps_tables_and_text_boxes_once_and_drops_deletions_and_field_codes()
    {
        var text = Extractor.Extract(Fixture.Scratch("检查.docx", MadeFiles.TrickyDocx()), "检查.docx").Text;

        Assert.Contains("关于开展专项检查的通知", text);
        Assert.Contains("保留的文字", text);
        Assert.DoesNotContain("删除的文字", text);
        Assert.DoesNotContain("PAGE", text);
        Assert.Contains("页码之后", text);
        Assert.Contains("单元格甲\t单元格乙", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "文本框里的话"));
    }

    [Fact]
    public void An_xlsx_gives_its_sheet_and_cells()
    {
        using var file = new MemoryStream();
        SheetWriter.Write(file, "任务表", ["任务名称", "牵头处室"], [["建立佐证材料档案", "办公室"]]);
        var text = Extractor.Extract(Fixture.Scratch("表.xlsx", file.ToArray()), "表.xlsx").Text;
        Assert.Contains("任务表", text);
        Assert.Contains("建立佐证材料档案\t办公室", text);
    }

    [Fact]
    public void A_gb18030_html_page_gives_its_text_without_markup()
    {
        var html = "<!DOCTYPE html><html><head><meta charset=\"gb2312\"><title>通知</title><style>p{color:red}</style>" +
                   "<script>var x = '不应出现';</script></head><body><h1>关于开展督查的通知</h1><p>各处室：&nbsp;请于3月底前报送。</p></body></html>";
        var bytes = TextDecoding.Gb18030.GetBytes(html);

        var result = Extractor.Extract(Fixture.Scratch("网页.html", bytes), "网页.html");

        Assert.Equal(EvidenceFormat.Html, result.Format);
        Assert.Contains("关于开展督查的通知", result.Text);
        Assert.Contains("请于3月底前报送", result.Text);
        Assert.DoesNotContain("不应出现", result.Text);
        Assert.DoesNotContain("<p>", result.Text);
    }
}
