using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Text;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace LuoshiArchive.Core.Tests.Text;

/// <summary>
/// DocxText streams the parts of a DOCX; it must give, to the character, what OpenXml's document model gives (the way
/// it was read before, kept here as the reference) for Word files from LibreOffice, from this program and made by hand
/// with every construct the reader treats specially.
/// </summary>
public sealed class DocxTextTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("luoshi-docx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_libreoffice_docx_reads_as_the_document_model_reads_it() => AssertSameAsModel(Fixture.Path("notice.docx"));

    [Fact]
    public void Deletions_field_codes_tables_and_text_boxes_read_as_the_document_model_reads_them() =>
        AssertSameAsModel(Save("tricky.docx", MadeFiles.TrickyDocx()));

    [Fact]
    public void Headers_footnotes_footers_tabs_breaks_and_page_count_read_as_the_document_model_reads_them()
    {
        var path = Path.Combine(_dir, "parts.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new WText("页眉：天津市教育委员会"))));
            var second = main.AddNewPart<HeaderPart>();
            second.Header = new Header(new Paragraph(new Run(new WText("首页页眉"))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new Run(new FieldCode(" PAGE ")), new Run(new WText("页脚"))));
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new Footnotes(new Footnote(new Paragraph(new Run(new WText("脚注：见附件")))) { Id = 1 });
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Left, Position = 720 })),
                    new Run(new WText("甲"), new TabChar(), new WText("乙"), new Break(), new WText("丙"))),
                new Paragraph(new Run(new WText(" 前后有空格 ") { Space = SpaceProcessingModeValues.Preserve })),
                new Paragraph(new Run(new CarriageReturn(), new WText("换行之后"))),
                new Paragraph(new InsertedRun(new Run(new WText("插入的文字")))),
                new Paragraph(new Run(new DeletedFieldCode(" DATE ")), new Run(new WText("日期之后")))));
            document.AddExtendedFilePropertiesPart().Properties =
                new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                    new DocumentFormat.OpenXml.ExtendedProperties.Pages("3"));
        }

        var (text, pages) = AssertSameAsModel(path);
        Assert.StartsWith("页眉：天津市教育委员会\n首页页眉\n甲\t乙\n丙", text);
        Assert.EndsWith("脚注：见附件\n页脚", text);
        Assert.Equal(3, pages);
    }

    [Fact]
    public void An_official_document_of_this_program_reads_as_the_document_model_reads_it()
    {
        var spec = DocumentSpecReader.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "seed-notice.json")));
        var path = Path.Combine(_dir, "notice.docx");
        using (var file = File.Create(path)) OfficialDocumentWriter.Write(file, spec);

        var (text, _) = AssertSameAsModel(path);
        Assert.Contains("长效机制", text);
    }

    [Fact]
    public void A_docx_without_its_main_part_or_with_broken_xml_is_refused_as_corrupt()
    {
        var noMain = Path.Combine(_dir, "无正文.docx");
        File.Copy(Fixture.Path("notice.docx"), noMain);
        using (var zip = System.IO.Compression.ZipFile.Open(noMain, System.IO.Compression.ZipArchiveMode.Update))
            zip.GetEntry("word/document.xml")!.Delete();
        var broken = Path.Combine(_dir, "坏.docx");
        File.Copy(Fixture.Path("notice.docx"), broken);
        using (var zip = System.IO.Compression.ZipFile.Open(broken, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml[..(xml.Length / 2)]);
        }

        var missing = Assert.Throws<ExtractionException>(() => DocxText.Read(noMain, "无正文.docx"));
        Assert.Equal(ExtractionProblem.Corrupt, missing.Problem);
        Assert.Contains("中没有正文部分", missing.Message);
        var cut = Assert.Throws<ExtractionException>(() => DocxText.Read(broken, "坏.docx"));
        Assert.Equal(ExtractionProblem.Corrupt, cut.Problem);
        Assert.Contains("“坏.docx”不是完整的 Word 文档", cut.Message);
    }

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (string Text, int? Pages) AssertSameAsModel(string path)
    {
        var read = DocxText.Read(path, Path.GetFileName(path));
        var model = ModelText(path);
        Assert.Equal(model.Text, read.Text);
        Assert.Equal(model.Pages, read.Pages);
        Assert.NotEmpty(read.Text);
        return read;
    }

    /// <summary>How the text was read before: OpenXml's document model, element by element.</summary>
    private static (string Text, int? Pages) ModelText(string path)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var main = document.MainDocumentPart!;
        var text = new StringBuilder();
        foreach (var header in main.HeaderParts) Append(text, header.Header);
        Append(text, main.Document?.Body);
        if (main.FootnotesPart?.Footnotes is { } footnotes) Append(text, footnotes);
        foreach (var footer in main.FooterParts) Append(text, footer.Footer);
        var pages = document.ExtendedFilePropertiesPart?.Properties?.Pages?.Text is { } p && int.TryParse(p, out var n)
            ? n : (int?)null;
        return (text.ToString().Trim(), pages);
    }

    private static void Append(StringBuilder text, OpenXmlElement? root)
    {
        if (root is null) return;
        foreach (var element in root.Descendants())
        {
            if (Skipped(element)) continue;
            switch (element)
            {
                case WText t: text.Append(t.Text); break;
                case TabChar: text.Append('\t'); break;
                case Break or CarriageReturn: text.Append('\n'); break;
                case Paragraph: if (text.Length > 0 && text[^1] is not ('\n' or '\t')) text.Append('\n'); break;
                case TableRow: if (text.Length > 0 && text[^1] != '\n') text.Append('\n'); break;
                case TableCell: if (text.Length > 0 && text[^1] != '\n') text.Append('\t'); break;
            }
        }
    }

    private static bool Skipped(OpenXmlElement element)
    {
        for (var parent = element.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is DeletedRun or Deleted or FieldCode or DeletedFieldCode) return true;
            if (parent.LocalName == "Fallback"
                && parent.NamespaceUri.Contains("markup-compatibility", StringComparison.Ordinal)) return true;
        }
        return element is DeletedText or FieldCode;
    }
}
