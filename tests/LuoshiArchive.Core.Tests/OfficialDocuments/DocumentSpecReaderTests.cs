using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core.Tests.OfficialDocuments;

public sealed class DocumentSpecReaderTests
{
    private const string Valid = """
        {"genre": "commendation", "mark": "天津市教育委员会文件", "number": "津教委[2018]3号", "codePrefix": "津教委",
         "title": "关于对基础教育处予以通报表扬的通报", "recipients": "机关各处室、各直属单位:",
         "paragraphs": [{"level": 0, "text": "正文段落"}, {"level": 1, "text": "一、主要事迹"}, "纯文本段落"],
         "attachments": ["附件名称"], "signature": "天津市教育委员会", "date": "2018-02-08",
         "note": "此件主动公开", "cc": ["市教育招生考试院", "各区教育局"], "printer": "天津市教育委员会办公室", "printDate": "2018-02-08",
         "disclosure": "依申请公开", "indexNumber": "000125225/2018-00008"}
        """;

    [Fact]
    public void A_valid_spec_is_read_with_its_number_normalised_to_hexagonal_brackets()
    {
        var spec = DocumentSpecReader.Parse(Valid);
        Assert.Equal(DocumentGenre.Commendation, spec.Genre);
        Assert.Equal(3, spec.Paragraphs.Count);
        Assert.Equal(new DocumentParagraph(1, "一、主要事迹"), spec.Paragraphs[1]);
        Assert.Equal(new DateOnly(2018, 2, 8), spec.Date);
        Assert.Equal(Disclosure.OnRequest, spec.Disclosure);
        Assert.True(DocumentNumber.TryParse(spec.Number, out var number));
        Assert.Equal("津教委〔2018〕3号", number.ToString());
        // Written back and read again, nothing is lost.
        Assert.Equal(DocumentSpecJson.Write(spec), DocumentSpecJson.Write(DocumentSpecReader.Parse(DocumentSpecJson.Write(spec))));
    }

    [Theory]
    [InlineData("""{"genre": "memo"}""", "字段 genre")]
    [InlineData("""{"genre": "notice", "title": "", "mark": "x", "signature": "s", "date": "2018-02-08", "paragraphs": ["a"]}""", "字段 title")]
    [InlineData("""{"genre": "notice", "title": "t", "mark": "x", "signature": "s", "date": "2018/02/08", "paragraphs": ["a"]}""", "字段 date")]
    [InlineData("""{"genre": "notice", "title": "t", "mark": "x", "signature": "s", "date": "2018-02-08", "paragraphs": [{"level": 7, "text": "a"}]}""", "字段 paragraphs[0].level")]
    [InlineData("""{"genre": "notice", "title": "t", "mark": "x", "signature": "s", "date": "2018-02-08", "paragraphs": [{"level": 0}]}""", "字段 paragraphs[0].text")]
    [InlineData("""{"genre": "notice", "title": "t", "mark": "x", "signature": "s", "date": "2018-02-08", "paragraphs": ["a"], "number": "auto"}""", "字段 codePrefix")]
    [InlineData("""{"genre": "notice", "title": "t", "mark": "x", "signature": "s", "date": "2018-02-08", "paragraphs": ["a"], "number": "第1号"}""", "字段 number")]
    [InlineData("""{"genre": "notice", "title": "t", "mark": "x", "signature": "s", "date": "2018-02-08", "paragraphs": ["a"], "cc": [1]}""", "字段 cc[0]")]
    [InlineData("""{"genre": "notice", "title": "t", "mark": "x", "signature": "s", "date": "2018-02-08", "paragraphs": ["a"], "colour": "red"}""", "字段 colour")]
    [InlineData("""{"genre": "notice", "title": "t", "signature": "s", "date": "2018-02-08", "paragraphs": ["a"]}""", "字段 mark")]
    [InlineData("""[1, 2]""", "JSON 对象")]
    [InlineData("""{"genre": "notice",""", "不是有效的 JSON")]
    public void An_invalid_spec_is_refused_with_the_field_named(string json, string expected)
    {
        var refused = Assert.Throws<DomainRuleException>(() => DocumentSpecReader.Parse(json));
        Assert.Contains(expected, refused.Message);
    }

    [Theory]
    [InlineData("津教委〔2018〕1号", "津教委〔2018〕1号")]
    [InlineData("津教委[2018]12号", "津教委〔2018〕12号")]
    [InlineData("津教委【2018】第5号", "津教委〔2018〕5号")]
    [InlineData("津教委（2018）7号", "津教委〔2018〕7号")]
    public void Document_numbers_are_read_in_any_bracket_and_printed_the_standard_way(string typed, string printed)
    {
        Assert.True(DocumentNumber.TryParse(typed, out var number));
        Assert.Equal(printed, number.ToString());
    }

    [Theory]
    [InlineData("津教委〔2018〕0号")]
    [InlineData("津教委2018年1号")]
    [InlineData("〔2018〕1号")]
    public void Malformed_numbers_are_refused(string typed) => Assert.False(DocumentNumber.TryParse(typed, out _));
}
