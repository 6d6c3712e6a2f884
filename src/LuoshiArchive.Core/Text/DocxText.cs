using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Reads the text of a DOCX in reading order: headers, body (paragraphs and tables), footnotes, footers. Deleted
/// revisions and field codes are skipped; a text box, stored twice (AlternateContent choice and fallback), is read once.
/// </summary>
/// <remarks>
/// The parts are read as a stream (XmlReader over the ZIP entries, found through the package's relationships), not
/// loaded as OpenXml's document model: the same text (a test compares the two) for ~a tenth of the work, which is most
/// of what filing a batch of Word files costs (docs/performance.md, "Ingest").
/// </remarks>
internal static class DocxText
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true,
        IgnoreProcessingInstructions = true, CloseInput = true,
    };

    public static (string Text, int? Pages) Read(string path, string fileName)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("[Content_Types].xml") is null) throw new InvalidDataException("no [Content_Types].xml");
            var package = Targets(zip, "", "_rels/.rels");
            var main = package.FirstOrDefault(r => r.Type == "officeDocument").Part is { } found
                && zip.GetEntry(found) is { } entry ? entry
                : throw new ExtractionException(ExtractionProblem.Corrupt, $"“{fileName}”中没有正文部分，无法读取，未保存。请用 Word 另存为 DOCX 或 PDF 后重新上传。");
            var folder = main.FullName.Contains('/') ? main.FullName[..(main.FullName.LastIndexOf('/') + 1)] : "";
            var parts = Targets(zip, folder, $"{folder}_rels/{main.Name}.rels");

            var text = new StringBuilder();
            foreach (var header in parts.Where(r => r.Type == "header")) Append(text, zip, header.Part, body: false);
            Append(text, zip, main.FullName, body: true);
            foreach (var notes in parts.Where(r => r.Type == "footnotes").Take(1)) Append(text, zip, notes.Part, body: false);
            foreach (var footer in parts.Where(r => r.Type == "footer")) Append(text, zip, footer.Part, body: false);
            var pages = package.FirstOrDefault(r => r.Type == "extended-properties").Part is { } app ? Pages(zip, app) : null;
            return (text.ToString().Trim(), pages);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new ExtractionException(ExtractionProblem.Corrupt, $"“{fileName}”不是完整的 Word 文档（可能已损坏或被截断），请检查原文件后重新上传。");
        }
    }

    /// <summary>
    /// The internal targets of a relationships part, in its order: (the type's last segment, the part's entry name).
    /// </summary>
    private static List<(string Type, string Part)> Targets(ZipArchive zip, string folder, string relationshipsPart)
    {
        var targets = new List<(string, string)>();
        if (zip.GetEntry(relationshipsPart) is not { } entry) return targets;
        using var reader = XmlReader.Create(entry.Open(), Settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship"
                || reader.NamespaceURI != Relationships || reader.GetAttribute("TargetMode") == "External") continue;
            var type = reader.GetAttribute("Type") ?? "";
            var target = Uri.UnescapeDataString(reader.GetAttribute("Target") ?? "");
            targets.Add((type[(type.LastIndexOf('/') + 1)..], Resolve(folder, target)));
        }
        return targets;
    }

    /// <summary>A relationship's target as a ZIP entry name: relative to the source's folder, or from the root.</summary>
    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in ((target.StartsWith('/') ? "" : folder) + target).Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    /// <summary>
    /// Appends one part's text. In the main part only the body counts; everywhere, what sits inside a deletion, a field
    /// code or the fallback copy of a text box is skipped.
    /// </summary>
    private static void Append(StringBuilder text, ZipArchive zip, string partName, bool body)
    {
        if (zip.GetEntry(partName) is not { } entry) return;
        using var reader = XmlReader.Create(entry.Open(), Settings);
        var names = new List<string>(); // the open elements' local names (WordprocessingML ones), outermost first
        var skipFrom = -1; // depth of the element whose content is skipped, or -1
        var inText = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var depth = reader.Depth;
                    var name = IsWord(reader.NamespaceURI) ? reader.LocalName : "";
                    var parent = names.Count > 0 ? names[^1] : "";
                    if (!reader.IsEmptyElement) names.Add(name);
                    if (skipFrom >= 0) continue;
                    if (Skips(reader, name) || (body && depth == 1 && name != "body"))
                    {
                        if (!reader.IsEmptyElement) skipFrom = depth;
                        continue;
                    }
                    switch (name)
                    {
                        case "t": inText = !reader.IsEmptyElement; break;
                        case "tab" when parent != "tabs": text.Append('\t'); break;
                        case "br" or "cr": text.Append('\n'); break;
                        case "p": if (text.Length > 0 && text[^1] is not ('\n' or '\t')) text.Append('\n'); break;
                        case "tr": if (text.Length > 0 && text[^1] != '\n') text.Append('\n'); break;
                        case "tc": if (text.Length > 0 && text[^1] != '\n') text.Append('\t'); break;
                    }
                    break;
                case XmlNodeType.EndElement:
                    names.RemoveAt(names.Count - 1);
                    if (reader.Depth == skipFrom) skipFrom = -1;
                    inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (inText && skipFrom < 0) text.Append(reader.Value);
                    break;
            }
        }
    }

    private static bool IsWord(string ns) => ns is Main or StrictMain;

    /// <summary>A deletion, a deleted text, a field code (kept or deleted), or a text box's fallback copy.</summary>
    private static bool Skips(XmlReader reader, string wordName) =>
        wordName is "del" or "delText" or "instrText" or "delInstrText"
        || (reader.LocalName == "Fallback" && reader.NamespaceURI.Contains("markup-compatibility", StringComparison.Ordinal));

    private static int? Pages(ZipArchive zip, string partName)
    {
        if (zip.GetEntry(partName) is not { } entry) return null;
        using var reader = XmlReader.Create(entry.Open(), Settings);
        while (reader.Read())
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Pages" && reader.Depth == 1)
                return int.TryParse(reader.ReadElementContentAsString(), out var pages) ? pages : null;
        return null;
    }
}
