using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Reads the text of a DOCX in reading order: headers, body (paragraphs and tables), footnotes, footers. Deleted
/// revisions and field codes are skipped; a text box, stored twice (AlternateContent choice and fallback), is read once.
/// </summary>
internal static class DocxText
{
    public static (string Text, int? Pages) Read(string path, string fileName)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException)
        {
            throw new ExtractionException(ExtractionProblem.Corrupt, $"“{fileName}”不是完整的 Word 文档（可能已损坏或被截断），请检查原文件后重新上传。");
        }
        using (document)
        {
            var main = document.MainDocumentPart
                       ?? throw new ExtractionException(ExtractionProblem.Corrupt, $"“{fileName}”中没有正文部分，无法读取，未保存。请用 Word 另存为 DOCX 或 PDF 后重新上传。");
            var text = new StringBuilder();
            foreach (var header in main.HeaderParts) Append(text, header.Header);
            Append(text, main.Document?.Body);
            if (main.FootnotesPart?.Footnotes is { } footnotes) Append(text, footnotes);
            foreach (var footer in main.FooterParts) Append(text, footer.Footer);
            var pages = document.ExtendedFilePropertiesPart?.Properties?.Pages?.Text is { } p && int.TryParse(p, out var n) ? n : (int?)null;
            return (text.ToString().Trim(), pages);
        }
    }

    private static void Append(StringBuilder text, OpenXmlElement? root)
    {
        if (root is null) return;
        foreach (var element in root.Descendants())
        {
            if (Skipped(element)) continue;
            switch (element)
            {
                case W.Text t: text.Append(t.Text); break;
                case W.TabChar: text.Append('\t'); break;
                case W.Break or W.CarriageReturn: text.Append('\n'); break;
                case W.Paragraph: if (text.Length > 0 && text[^1] is not ('\n' or '\t')) text.Append('\n'); break;
                case W.TableRow: if (text.Length > 0 && text[^1] != '\n') text.Append('\n'); break;
                case W.TableCell: if (text.Length > 0 && text[^1] != '\n') text.Append('\t'); break;
            }
        }
    }

    /// <summary>Inside a deletion, a field code, or the fallback copy of a text box.</summary>
    private static bool Skipped(OpenXmlElement element)
    {
        for (var parent = element.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is W.DeletedRun or W.Deleted or W.FieldCode or W.DeletedFieldCode) return true;
            if (parent.LocalName == "Fallback" && parent.NamespaceUri.Contains("markup-compatibility", StringComparison.Ordinal)) return true;
        }
        return element is W.DeletedText or W.FieldCode;
    }
}
