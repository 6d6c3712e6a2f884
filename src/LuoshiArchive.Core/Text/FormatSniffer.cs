using System.IO.Compression;
using System.Text;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Tells a file's format from its first bytes (and, for ZIP-based Office files, its parts), then checks the name's
/// extension agrees: a DOCX named .pdf is refused with a message saying what it really is.
/// </summary>
internal static class FormatSniffer
{
    private static readonly Dictionary<string, EvidenceFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = EvidenceFormat.Docx, [".pdf"] = EvidenceFormat.Pdf, [".xlsx"] = EvidenceFormat.Xlsx,
        [".txt"] = EvidenceFormat.PlainText, [".text"] = EvidenceFormat.PlainText, [".md"] = EvidenceFormat.Markdown,
        [".markdown"] = EvidenceFormat.Markdown, [".html"] = EvidenceFormat.Html, [".htm"] = EvidenceFormat.Html,
        [".doc"] = EvidenceFormat.Doc, [".wps"] = EvidenceFormat.Wps,
    };

    public static string Describe(EvidenceFormat format) => format switch
    {
        EvidenceFormat.Docx => "Word 文档（DOCX）", EvidenceFormat.Pdf => "PDF 文件", EvidenceFormat.Xlsx => "Excel 工作簿（XLSX）",
        EvidenceFormat.PlainText => "纯文本", EvidenceFormat.Markdown => "Markdown 文本", EvidenceFormat.Html => "网页（HTML）",
        EvidenceFormat.Doc => "旧版 Word 文档（DOC）", EvidenceFormat.Wps => "WPS 文档", _ => format.ToString(),
    };

    public static EvidenceFormat Detect(string path, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (!Extensions.TryGetValue(extension, out var named))
            throw new ExtractionException(ExtractionProblem.Unsupported,
                $"“{fileName}”的格式（{(extension.Length > 0 ? extension : "无扩展名")}）不受支持。可上传 DOCX、PDF、XLSX、TXT、MD、HTML、DOC、WPS 文件。");
        var header = new byte[8];
        int read;
        using (var file = File.OpenRead(path)) read = file.Read(header);
        if (header.AsSpan(0, read).StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }) && IsEncryptedOffice(path))
            throw new ExtractionException(ExtractionProblem.Encrypted,
                $"“{fileName}”设置了打开密码（已加密），无法读取。请去除密码后重新上传。");
        var actual = FromContent(path, header.AsSpan(0, read), named);
        if (actual is null)
            throw new ExtractionException(ExtractionProblem.Unsupported, $"“{fileName}”的内容不是可识别的文档格式（可能是图片、压缩包或程序文件），未保存。请用原软件另存为 PDF 或 DOCX 后重新上传。");
        if (!Compatible(named, actual.Value))
            throw new ExtractionException(ExtractionProblem.WrongExtension,
                $"“{fileName}”的扩展名是 {extension}，但内容是{Describe(actual.Value)}。请改正扩展名后重新上传。");
        return named == EvidenceFormat.Wps && actual == EvidenceFormat.Doc ? EvidenceFormat.Wps : actual.Value;
    }

    private static bool Compatible(EvidenceFormat named, EvidenceFormat actual) =>
        named == actual
        || (named is EvidenceFormat.PlainText or EvidenceFormat.Markdown && actual is EvidenceFormat.PlainText or EvidenceFormat.Markdown)
        || (named == EvidenceFormat.Wps && actual == EvidenceFormat.Doc);

    private static EvidenceFormat? FromContent(string path, ReadOnlySpan<byte> header, EvidenceFormat named)
    {
        if (header.StartsWith("%PDF"u8)) return EvidenceFormat.Pdf;
        if (header.StartsWith("PK\u0003\u0004"u8)) return OfficeKind(path);
        if (header.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })) return EvidenceFormat.Doc;
        if (LooksBinary(path)) return null;
        return LooksLikeHtml(path) ? EvidenceFormat.Html : named == EvidenceFormat.Markdown ? EvidenceFormat.Markdown : EvidenceFormat.PlainText;
    }

    private static EvidenceFormat? OfficeKind(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("word/document.xml") is not null) return EvidenceFormat.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return EvidenceFormat.Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            // A ZIP header with a broken body: a truncated Office file. Let the format's reader say so.
            return EvidenceFormat.Docx;
        }
    }

    /// <summary>Text files have no NUL bytes, except UTF-16, which announces itself with a BOM.</summary>
    private static bool LooksBinary(string path)
    {
        var buffer = new byte[8192];
        int read;
        using (var file = File.OpenRead(path)) read = file.Read(buffer);
        var span = buffer.AsSpan(0, read);
        if (span.StartsWith(new byte[] { 0xFF, 0xFE }) || span.StartsWith(new byte[] { 0xFE, 0xFF })) return false;
        return span.Contains((byte)0);
    }

    /// <summary>A password-protected DOCX/XLSX is an OLE container holding "EncryptionInfo" and "EncryptedPackage" streams.</summary>
    private static bool IsEncryptedOffice(string path)
    {
        var buffer = new byte[64 * 1024];
        int read;
        using (var file = File.OpenRead(path)) read = file.Read(buffer);
        return buffer.AsSpan(0, read).IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0;
    }

    private static bool LooksLikeHtml(string path)
    {
        // The first 2 KB only (this read the whole file before: 46 MB for a large text).
        var buffer = new byte[2048];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = TextDecoding.Decode(buffer[..read]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
