using System.Globalization;
using System.Text.RegularExpressions;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>发文字号: 机关代字〔年份〕序号号, hexagonal brackets, full year, no 第, no leading zeros (GB/T 9704).</summary>
public readonly partial record struct DocumentNumber(string Prefix, int Year, int Sequence)
{
    public override string ToString() => $"{Prefix}〔{Year.ToString(CultureInfo.InvariantCulture)}〕{Sequence.ToString(CultureInfo.InvariantCulture)}号";

    /// <summary>Reads a number written with any of the brackets people type (〔〕 [] 【】 () （）), normalising it.</summary>
    public static bool TryParse(string? text, out DocumentNumber number)
    {
        number = default;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var sequence = int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture);
        if (sequence == 0) return false;
        number = new DocumentNumber(m.Groups["prefix"].Value.Trim(), int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), sequence);
        return true;
    }

    [GeneratedRegex(@"^(?<prefix>[^\s〔\[【(（]{1,20})[〔\[【(（](?<year>(19|20)\d\d)[〕\]】)）]第?(?<seq>\d{1,5})号$")]
    private static partial Regex Pattern();
}
