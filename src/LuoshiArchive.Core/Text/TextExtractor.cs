namespace LuoshiArchive.Core.Text;

/// <summary>
/// Turns one file into text, in this process. Untrusted files should go through IsolatedTextExtractor,
/// which runs this in a child process with a time and memory limit.
/// </summary>
public sealed class TextExtractor(ExtractionLimits limits, ConverterPaths converters)
{
    public ExtractedText Extract(string path, string originalFileName)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw new ExtractionException(ExtractionProblem.Empty, $"“{originalFileName}”是空文件（0 字节），未保存。请检查原文件后重新上传。");
        if (length > limits.MaxFileBytes)
            throw new ExtractionException(ExtractionProblem.TooLarge,
                $"“{originalFileName}”有 {length / 1024 / 1024} MB，超过单个文件 {limits.MaxFileBytes / 1024 / 1024} MB 的上限。请压缩或拆分后上传。");
        return Read(path, originalFileName, FormatSniffer.Detect(path, originalFileName));
    }

    /// <summary>The text of a file whose format is known (sniffed, size checked): what <see cref="Extract"/> ends in.</summary>
    internal ExtractedText Read(string path, string originalFileName, EvidenceFormat format)
    {
        return format switch
        {
            EvidenceFormat.Docx => Docx(path, originalFileName),
            EvidenceFormat.Xlsx => Xlsx(path, originalFileName),
            EvidenceFormat.Pdf => Pdf(path, originalFileName),
            EvidenceFormat.Html => new ExtractedText(format, HtmlText.Read(File.ReadAllBytes(path)), null, false, null),
            EvidenceFormat.Doc or EvidenceFormat.Wps => Legacy(path, originalFileName, format),
            _ => new ExtractedText(format, TextDecoding.Decode(File.ReadAllBytes(path)).Replace("\r\n", "\n").Trim(), null, false, null),
        } is var result && !result.NoTextRead && string.IsNullOrWhiteSpace(result.Text)
            ? result with { NoTextRead = true, Note = result.Note ?? "文件中没有文字" }
            : result;
    }

    private ExtractedText Docx(string path, string fileName)
    {
        ZipGuard.Check(path, fileName, limits);
        var (text, pages) = DocxText.Read(path, fileName);
        return new ExtractedText(EvidenceFormat.Docx, text, pages, false, null);
    }

    private ExtractedText Xlsx(string path, string fileName)
    {
        ZipGuard.Check(path, fileName, limits);
        return new ExtractedText(EvidenceFormat.Xlsx, XlsxText.Read(path, fileName), null, false, null);
    }

    private ExtractedText Pdf(string path, string fileName)
    {
        var (text, pages, readable) = PdfText.Read(path, fileName);
        if (readable) return new ExtractedText(EvidenceFormat.Pdf, text, pages, false, null);
        if (!converters.CanOcr)
            return new ExtractedText(EvidenceFormat.Pdf, "", pages, true, "扫描件或无文字层的 PDF，本机未安装 OCR（tesseract 中文模型），未能读取文字");
        var ocr = Converters.Ocr(path, converters, limits.Timeout);
        return ocr.Length > 0
            ? new ExtractedText(EvidenceFormat.Pdf, ocr, pages, false, "经 OCR 识别（可能有错字）")
            : new ExtractedText(EvidenceFormat.Pdf, "", pages, true, "OCR 未识别出文字");
    }

    private ExtractedText Legacy(string path, string fileName, EvidenceFormat format)
    {
        if (converters.Soffice is null)
            return new ExtractedText(format, "", null, true, "未安装 LibreOffice，无法读取旧版 Word/WPS 文档的文字");
        var text = Converters.LegacyToText(path, converters.Soffice, limits.Timeout, fileName);
        return text is { Length: > 0 }
            ? new ExtractedText(format, text, null, false, "经 LibreOffice 转换")
            : new ExtractedText(format, "", null, true, "LibreOffice 未能转换该文件，可能已损坏或加密");
    }
}
