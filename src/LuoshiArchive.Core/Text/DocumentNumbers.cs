using System.Globalization;
using System.Text.RegularExpressions;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// 发文字号 in the form GB/T 9704 prescribes: 机关代字〔年份〕序号号, e.g. 津教委〔2018〕1号. Sources write the brackets
/// as 〔〕 [] ［］ （） () 【】, OCR mixes them ("(2018]1号") and PDF text layers add spaces ("〔2018〕1 号"); all of
/// them are read as the same number.
/// </summary>
public static partial class DocumentNumbers
{
    /// <summary>The normalised number, or null when <paramref name="raw"/> is not a document number.</summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var match = Pattern().Match(raw.Trim());
        return match.Success && match.Index == 0 && match.Length == raw.Trim().Length ? Format(match) : null;
    }

    /// <summary>The first document number in a text, normalised.</summary>
    public static string? FindFirst(string text)
    {
        var match = Pattern().Match(text);
        return match.Success ? Format(match) : null;
    }

    /// <summary>Every document number in a text with its position, for search queries that mix a number and words.</summary>
    public static IEnumerable<(int Index, int Length, string Number)> FindAll(string text) =>
        Pattern().Matches(text).Select(m => (m.Index, m.Length, Format(m)));

    private static string Format(Match m)
    {
        var sequence = int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture);
        return $"{m.Groups["code"].Value}〔{m.Groups["year"].Value}〕{sequence.ToString(CultureInfo.InvariantCulture)}号";
    }

    // 机关代字: 1–12 CJK characters; brackets of any kind, either side; optional spaces anywhere inside.
    [GeneratedRegex(@"(?<code>\p{IsCJKUnifiedIdeographs}{1,12})\s*[〔\[［（(【{]\s*(?<year>(19|20)\d{2})\s*[〕\]］）)】}]\s*第?\s*(?<seq>\d{1,5})\s*号")]
    private static partial Regex Pattern();
}
