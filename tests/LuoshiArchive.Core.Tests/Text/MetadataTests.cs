using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Text;

public class MetadataTests
{
    [Theory]
    [InlineData("津教委〔2018〕1号")]
    [InlineData("津教委[2018]1号")]
    [InlineData("津教委［2018］1号")]
    [InlineData("津教委（2018）1号")]
    [InlineData("津教委(2018)1号")]
    [InlineData("津教委(2018]1号")]
    [InlineData("津教委【2018】1号")]
    [InlineData("津教委〔2018〕 1 号")]
    [InlineData("津教委〔2018〕01号")]
    [InlineData("津教委〔2018〕第1号")]
    public void Every_bracket_form_of_a_document_number_normalises_to_hexagonal_brackets(string raw) =>
        Assert.Equal("津教委〔2018〕1号", DocumentNumbers.Normalise(raw));

    [Theory]
    [InlineData("二〇一八年二月八日", 2018, 2, 8)]
    [InlineData("二〇一八年十二月三十一日", 2018, 12, 31)]
    [InlineData("二〇一九年十一月二十日", 2019, 11, 20)]
    [InlineData("2018年2月8日", 2018, 2, 8)]
    [InlineData("2018-02-08", 2018, 2, 8)]
    [InlineData("2018.2.8", 2018, 2, 8)]
    [InlineData("2018/2/8", 2018, 2, 8)]
    public void Dates_are_read_in_chinese_and_numeric_forms(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ChineseDates.Parse(text));

    [Theory]
    [InlineData("2018年2月30日")]
    [InlineData("第2018号")]
    public void Impossible_dates_are_not_dates(string text) => Assert.Null(ChineseDates.Parse(text));

    [Fact]
    public void The_signature_date_wins_over_dates_in_the_body()
    {
        var text = "天津市教育委员会文件\n津教委〔2019〕7号\n关于召开年度工作会议的通知\n各处室：\n定于2019年1月20日召开会议。\n天津市教育委员会\n2019年1月10日\n";

        var proposed = MetadataProposer.Propose(text, "x.txt");

        Assert.Equal(new DateOnly(2019, 1, 10), proposed.Date);
        Assert.Equal("天津市教育委员会", proposed.IssuingBody);
        Assert.Equal("关于召开年度工作会议的通知", proposed.Title);
        Assert.Equal("津教委〔2019〕7号", proposed.DocumentNumber);
    }

    [Fact]
    public void A_red_header_document_is_titled_by_its_title_even_broken_over_two_lines_never_by_its_mark()
    {
        // As a GB/T 9704 DOCX reads: the mark, the number, the title broken between words into two lines.
        var text = "天津市教育委员会文件\n津教委〔2018〕1号\n市教委关于印发建立健全推进\n工作落实长效机制方案的通知\n机关各处室：\n现印发你们。\n";
        Assert.Equal("市教委关于印发建立健全推进工作落实长效机制方案的通知", MetadataProposer.Propose(text, "x.docx").Title);

        var untitled = "天津市教育委员会文件\n津教委〔2018〕2号\n年度工作安排\n各处室：\n";
        Assert.Equal("年度工作安排", MetadataProposer.Propose(untitled, "x.docx").Title);
    }

    [Fact]
    public void A_page_saved_from_the_government_site_proposes_issuer_and_date_from_its_labelled_fields()
    {
        var text = "索引号：000125225/2018-00008\n发布日期：2018-02-12\n名称：市教委关于印发建立健全推进工作落实长效机制方案的通知\n" +
                   "发布机构：天津市教育委员会\n成文日期：2018-02-08\n机关各处室：\n经2018年1月30日委主任办公会审议通过，现印发你们。\n";

        var proposed = MetadataProposer.Propose(text, "通知.html");

        Assert.Equal("市教委关于印发建立健全推进工作落实长效机制方案的通知", proposed.Title);
        Assert.Equal("天津市教育委员会", proposed.IssuingBody);
        Assert.Equal(new DateOnly(2018, 2, 8), proposed.Date);
    }

    [Fact]
    public void A_text_without_a_title_line_is_titled_by_its_first_line_or_file_name()
    {
        Assert.Equal("会议记录", MetadataProposer.Propose("会议记录\n参加人员：张三", "x.txt").Title);
        Assert.Equal("扫描件", MetadataProposer.Propose("", "扫描件.pdf").Title);
    }
}
