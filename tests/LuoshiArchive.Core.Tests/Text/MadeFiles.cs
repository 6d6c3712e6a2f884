using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace LuoshiArchive.Core.Tests.Text;

/// <summary>Documents built by the tests, with the traps real documents have.</summary>
public static class MadeFiles
{
    /// <summary>A DOCX with a table, a deleted revision, a field code, and a text box stored as choice + fallback.</summary>
    public static byte[] TrickyDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var textBox = $"""
                <w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
                     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:r>
                  <mc:AlternateContent><mc:Choice Requires="wps"><w:t>文本框里的话</w:t></mc:Choice>
                  <mc:Fallback><w:t>文本框里的话</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
                """;
            main.Document = new Document(new Body(
                new Paragraph(new Run(new WText("关于开展专项检查的通知"))),
                new Paragraph(new Run(new WText("保留的文字")), new DeletedRun(new Run(new DeletedText("删除的文字")))),
                new Paragraph(new Run(new FieldCode(" PAGE ")), new Run(new WText("页码之后"))),
                new Table(new TableRow(new TableCell(new Paragraph(new Run(new WText("单元格甲")))),
                    new TableCell(new Paragraph(new Run(new WText("单元格乙")))))),
                new Paragraph(textBox)));
        }
        return stream.ToArray();
    }

    public static byte[] ZipBombDocx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<w:document/>");
            using var bomb = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 50; i++) bomb.Write(zeros);
        }
        return stream.ToArray();
    }
}
