using System.Globalization;
using System.Text.RegularExpressions;

namespace LuoshiArchive.Core.OneTable;

/// <summary>Dates as offices type them in spreadsheets: 2018-12-31, 2018/12/31, 2018.12.31, 2018年12月31日, or an Excel serial.</summary>
internal static partial class OneTableDates
{
    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        var trimmed = text.Trim();
        var match = DatePattern().Match(trimmed);
        if (match.Success)
        {
            var (y, m, d) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
            if (y is < 1900 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
            date = new DateOnly(y, m, d);
            return true;
        }
        // Excel stores a date cell as days since 1899-12-30; 36526 is 2000-01-01, 73051 is 2100-01-01.
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 36526 and < 73051)
        {
            date = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(serial));
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")]
    private static partial Regex DatePattern();
}
