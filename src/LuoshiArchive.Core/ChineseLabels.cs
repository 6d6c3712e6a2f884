namespace LuoshiArchive.Core;

/// <summary>
/// The Chinese names of the domain's enumerations, as users read and write them (pages, XLSX one-table, documents).
/// Code and JSON use the English enum names; everything a person reads uses these.
/// </summary>
public static partial class ChineseLabels
{
    /// <summary>Reads a Chinese label (or the English enum name) back; null when it names nothing.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        foreach (var value in Enum.GetValues<T>())
        {
            if (LabelOf(value) == trimmed || string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    /// <summary>All labels of an enumeration, in declaration order (for error messages and drop-downs).</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(LabelOf).ToList();

    private static string LabelOf<T>(T value) where T : struct, Enum => Labeler<T>.Of?.Invoke(value) ?? value.ToString();

    /// <summary>The <c>Of</c> overload for <typeparamref name="T"/>, declared in the enumeration's own folder.</summary>
    private static class Labeler<T> where T : struct, Enum
    {
        public static readonly Func<T, string>? Of =
            typeof(ChineseLabels).GetMethod(nameof(ChineseLabels.Of), [typeof(T)])?.CreateDelegate<Func<T, string>>();
    }
}
