namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>一, 二, … 十, 十一 … for the heading numbers of official documents.</summary>
public static class ChineseNumbers
{
    private const string Digits = "〇一二三四五六七八九";

    public static string Ordinal(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
