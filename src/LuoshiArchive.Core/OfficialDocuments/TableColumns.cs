namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// Column widths of an attachment table from its content: every column at least as wide as its header on one line
/// (so 任务名称 never breaks inside the word) and as its short entries (a department, a date), the rest of the type area
/// shared in proportion to what each column holds beyond that. A table too wide for that in 五号 (10.5 pt) with the
/// usual cell margins is set in 小五 (9 pt) with narrow margins.
/// </summary>
public static class TableColumns
{
    private const double ShortEntry = 8;

    /// <summary>Widths (twips), the text size (half-points) and the cell margin on each side (twips).</summary>
    public static (int[] Widths, int Size, int Margin) Fit(DocumentTable table, int total)
    {
        foreach (var (size, margin) in new[] { (21, 108), (18, 45) })
        {
            var widths = Widths(table, total, size * 10, margin, out var fits);
            if (fits) return (widths, size, margin);
        }
        return (Widths(table, total, 180, 45, out _), 18, 45);
    }

    private static int[] Widths(DocumentTable table, int total, int character, int margin, out bool fits)
    {
        var columns = Math.Max(1, table.Header.Count);
        var padding = 2 * margin + character / 3;
        var minimum = new double[columns];
        var natural = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            var header = c < table.Header.Count ? Width(table.Header[c]) : 0;
            var cells = table.Rows.Select(r => c < r.Count ? Width(r[c]) : 0).ToList();
            var shortest = cells.Where(w => w <= ShortEntry).DefaultIfEmpty(0).Max();
            minimum[c] = Math.Max(header, shortest) * character + padding;
            natural[c] = Math.Max(header, cells.DefaultIfEmpty(0).Max()) * character + padding;
        }
        fits = minimum.Sum() <= total;
        double[] widths;
        if (natural.Sum() <= total)
            widths = natural.Select(n => n * total / natural.Sum()).ToArray();
        else if (!fits)
            widths = minimum.Select(m => m * total / minimum.Sum()).ToArray();
        else
        {
            var spare = total - minimum.Sum();
            var wanted = natural.Zip(minimum, (n, m) => n - m).ToArray();
            widths = minimum.Select((m, c) => m + spare * wanted[c] / wanted.Sum()).ToArray();
        }
        var result = widths.Select(w => (int)Math.Floor(w)).ToArray();
        result[^1] += total - result.Sum();
        return result;
    }

    private static double Width(string text) => SignatureBlock.Width(text);
}
