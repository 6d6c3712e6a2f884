using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Reads a PDF's text layer with PdfPig, then undoes what layout extraction does to Chinese: spaces between two CJK
/// characters ("1 号"), and lines of a paragraph broken where the page wrapped them. A text layer that is missing or
/// mostly garbage (fonts without a ToUnicode map) counts as no text, so the caller can OCR it or flag it.
/// </summary>
internal static partial class PdfText
{
    public static (string Text, int Pages, bool HasTextLayer) Read(string path, string fileName)
    {
        try
        {
            using var document = PdfDocument.Open(path);
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
                text.Append(JoinWrappedLines(ContentOrderTextExtractor.GetText(page))).Append('\n');
            var cleaned = CleanCjkSpacing(text.ToString()).Trim();
            return (cleaned, document.NumberOfPages, IsReadable(cleaned));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ExtractionException(ExtractionProblem.Encrypted,
                $"“{fileName}”设置了打开密码（已加密），无法读取。请去除密码后重新上传（例如用 PDF 阅读器“另存为”无密码的副本）。");
        }
        // A damaged PDF makes PdfPig throw all sorts of exceptions; to the user they all mean the same thing.
        catch (Exception e) when (e is PdfDocumentFormatException or not (OutOfMemoryException or ExtractionException))
        {
            throw new ExtractionException(ExtractionProblem.Corrupt, $"“{fileName}”不是完整的 PDF 文件（可能已损坏或被截断），请检查原文件后重新上传。");
        }
    }

    /// <summary>Removes the spaces PDF layout puts between CJK characters and inside 文号 and dates ("1 号").</summary>
    public static string CleanCjkSpacing(string text)
    {
        text = CjkGap().Replace(text, "");
        return DigitGap().Replace(text, "");
    }

    /// <summary>Joins a line to the next when it filled the width and ended mid-sentence: the page wrapped it.</summary>
    private static string JoinWrappedLines(string pageText)
    {
        var lines = pageText.Split('\n').Select(l => l.TrimEnd()).ToList();
        var longest = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        var joined = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            joined.Append(lines[i]);
            var wrapped = i + 1 < lines.Count && longest > 10 && lines[i].Length >= longest * 0.85
                          && lines[i].Length > 0 && IsIdeograph(lines[i][^1]) && lines[i + 1].Length > 0;
            if (!wrapped) joined.Append('\n');
        }
        return joined.ToString();
    }

    private static bool IsReadable(string text)
    {
        var meaningful = text.Count(c => !char.IsWhiteSpace(c));
        if (meaningful < 10) return false;
        var garbage = text.Count(c => c == '\uFFFD' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.PrivateUse);
        return garbage < meaningful * 0.3;
    }

    private static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])[ \t\u00A0]+(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])")]
    private static partial Regex CjkGap();

    [GeneratedRegex(@"(?<=\d)[ \t\u00A0]+(?=[号年月日])|(?<=[〔〕\[\]（）()])[ \t\u00A0]+(?=\d)|(?<=\d)[ \t\u00A0]+(?=[〔〕\[\]（）()])")]
    private static partial Regex DigitGap();
}
