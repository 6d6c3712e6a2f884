using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Text;

/// <summary>The seed notice as other tools wrote it: every readable form yields the notice's text.</summary>
public class RealProducerFixturesTests
{
    private static readonly TextExtractor Plain = new(new ExtractionLimits(), ConverterPaths.None);

    [Theory]
    [InlineData("notice.txt", EvidenceFormat.PlainText)]
    [InlineData("notice-gb18030.txt", EvidenceFormat.PlainText)]
    [InlineData("notice-utf16le-bom.txt", EvidenceFormat.PlainText)]
    [InlineData("notice.docx", EvidenceFormat.Docx)]
    [InlineData("notice.pdf", EvidenceFormat.Pdf)]
    public void Every_readable_form_of_the_notice_gives_its_text(string file, EvidenceFormat format)
    {
        var result = Plain.Extract(Fixture.Path(file), file);

        Assert.Equal(format, result.Format);
        Assert.False(result.NoTextRead);
        Assert.Contains("建立健全推进工作落实长效机制", result.Text);
        Assert.Contains("津教委〔2018〕1号", result.Text);
        Assert.Contains("实行重点任务一事一档", result.Text);
    }

    [Fact]
    public void Text_files_in_every_encoding_decode_to_the_same_text()
    {
        var utf8 = Plain.Extract(Fixture.Path("notice.txt"), "a.txt").Text;
        Assert.Equal(utf8, Plain.Extract(Fixture.Path("notice-gb18030.txt"), "b.txt").Text);
        Assert.Equal(utf8, Plain.Extract(Fixture.Path("notice-utf16le-bom.txt"), "c.txt").Text);
    }

    [Fact]
    public void The_pdf_reports_its_pages()
    {
        var result = Plain.Extract(Fixture.Path("notice.pdf"), "notice.pdf");
        Assert.Equal(4, result.PageCount);
    }

    [Fact]
    public void The_encrypted_pdf_is_refused_as_encrypted()
    {
        var error = Assert.Throws<ExtractionException>(() => Plain.Extract(Fixture.Path("notice-encrypted.pdf"), "通知.pdf"));
        Assert.Equal(ExtractionProblem.Encrypted, error.Problem);
        Assert.Contains("密码", error.Message);
        Assert.Contains("通知.pdf", error.Message);
    }

    [Fact]
    public void A_legacy_doc_without_libreoffice_is_kept_with_the_no_text_flag()
    {
        var result = Plain.Extract(Fixture.Path("notice.doc"), "notice.doc");
        Assert.Equal(EvidenceFormat.Doc, result.Format);
        Assert.True(result.NoTextRead);
        Assert.Contains("LibreOffice", result.Note);
    }

    [Fact]
    public void A_legacy_doc_is_converted_where_libreoffice_is_installed()
    {
        var result = new TextExtractor(new ExtractionLimits(), Fixture.Installed(soffice: true)).Extract(Fixture.Path("notice.doc"), "notice.doc");
        Assert.False(result.NoTextRead);
        Assert.Contains("建立健全推进工作落实长效机制", result.Text);
        Assert.Contains("LibreOffice", result.Note);
    }

    [Fact]
    public void A_scanned_pdf_without_ocr_is_kept_with_the_no_text_flag()
    {
        var result = Plain.Extract(Fixture.Path("notice-scanned.pdf"), "scan.pdf");
        Assert.True(result.NoTextRead);
        Assert.Equal(2, result.PageCount);
        Assert.Contains("OCR", result.Note);
    }

    [Fact]
    public void A_scanned_pdf_is_read_by_ocr_where_tesseract_is_installed()
    {
        var result = new TextExtractor(new ExtractionLimits(), Fixture.Installed(ocr: true)).Extract(Fixture.Path("notice-scanned.pdf"), "scan.pdf");
        Assert.False(result.NoTextRead);
        Assert.Contains("落实", result.Text);
        Assert.Contains("OCR", result.Note);
    }

    [Fact]
    public void The_notice_proposes_its_title_number_date_and_issuer()
    {
        var proposed = MetadataProposer.Propose(Fixture.NoticeText, "notice.txt");
        Assert.Equal("市教委关于印发建立健全推进工作落实长效机制方案的通知", proposed.Title);
        Assert.Equal("津教委〔2018〕1号", proposed.DocumentNumber);
        Assert.Equal(new DateOnly(2018, 2, 8), proposed.Date);
        Assert.Equal("市教委", proposed.IssuingBody);
    }
}
