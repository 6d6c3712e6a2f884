using System.Text.RegularExpressions;

namespace LuoshiArchive.Core.Text;

/// <summary>Dates as Chinese documents write them: 2018年2月8日, 二〇一八年二月八日, 2018-02-08, 2018.2.8, 2018/2/8.</summary>
public static partial class ChineseDates
{
    /// <summary>2018年2月8日: Arabic numerals, no zero padding, as official documents print dates.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>The date when the whole text is one date; null otherwise.</summary>
    public static DateOnly? Parse(string text)
    {
        var trimmed = text.Trim();
        var match = Any().Match(trimmed);
        return match.Success && match.Length == trimmed.Length ? FromMatch(match) : null;
    }

    /// <summary>The first valid date anywhere in the text.</summary>
    public static DateOnly? Find(string text)
    {
        foreach (Match match in Any().Matches(text))
        {
            if (FromMatch(match) is { } date) return date;
        }
        return null;
    }

    private static DateOnly? FromMatch(Match m)
    {
        var year = Number(m.Groups["y"].Value, isYear: true);
        var month = Number(m.Groups["m"].Value, isYear: false);
        var day = Number(m.Groups["d"].Value, isYear: false);
        if (year is < 1949 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>Arabic or full-width digits; 二〇一八 read digit by digit; 十一, 二十, 三十一 read as numbers.</summary>
    private static int Number(string text, bool isYear)
    {
        text = text.Normalize(System.Text.NormalizationForm.FormKC);
        if (int.TryParse(text, out var arabic)) return arabic;
        const string digits = "〇一二三四五六七八九";
        if (isYear) return text.Aggregate(0, (n, c) => n * 10 + Math.Max(0, digits.IndexOf(c == '零' ? '〇' : c)));
        var ten = text.IndexOf('十');
        if (ten < 0) return digits.IndexOf(text[0]);
        var tens = ten == 0 ? 1 : digits.IndexOf(text[0]);
        var ones = ten == text.Length - 1 ? 0 : digits.IndexOf(text[^1]);
        return tens * 10 + ones;
    }

    [GeneratedRegex(@"(?<y>\d{4}|[０-９]{4}|[〇零一二三四五六七八九]{4})\s*(年\s*(?<m>\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?<d>\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日|[-./]\s*(?<m>\d{1,2})\s*[-./]\s*(?<d>\d{1,2})(?!\d))")]
    private static partial Regex Any();
}
