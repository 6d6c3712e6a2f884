using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// Short passages around the matched text, with each match wrapped in \u0001…\u0002. A CJK bigram match is a
/// substring match, so finding the terms in the raw text marks exactly what the index matched.
/// </summary>
internal static class Snippets
{
    private const string Boundaries = "。！？；\n";
    public const char Open = '\u0001';
    public const char Close = '\u0002';

    public static IReadOnlyList<string> Make(string text, IReadOnlyList<QueryTerms.QueryTerm> terms, int max = 3, int width = 110)
    {
        text = Clean(text);
        var matches = Matches(text, terms);
        var snippets = new List<string>();
        var coveredTo = -1;
        foreach (var (start, _) in matches)
        {
            if (start < coveredTo) continue;
            var from = Math.Max(0, start - 30);
            var boundary = text.LastIndexOfAny(Boundaries.ToCharArray(), start - 1 < 0 ? 0 : start - 1, start - from);
            if (boundary >= 0 && start > 0) from = boundary + 1;
            var to = Math.Min(text.Length, from + width);
            snippets.Add(Mark(text[from..to], Matches(text[from..to], terms)).Trim());
            coveredTo = to;
            if (snippets.Count == max) break;
        }
        if (snippets.Count == 0 && text.Length > 0) snippets.Add(text[..Math.Min(width, text.Length)].Trim());
        return snippets;
    }

    public static string MarkAll(string text, IReadOnlyList<QueryTerms.QueryTerm> terms)
    {
        text = Clean(text);
        return Mark(text, Matches(text, terms));
    }

    private static string Mark(string text, IReadOnlyList<(int Start, int Length)> matches)
    {
        var builder = new System.Text.StringBuilder(text.Length + matches.Count * 2);
        var at = 0;
        foreach (var (start, length) in matches)
        {
            builder.Append(text, at, start - at).Append(Open).Append(text, start, length).Append(Close);
            at = start + length;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Occurrences of the terms, sorted, overlaps merged.</summary>
    private static List<(int Start, int Length)> Matches(string text, IReadOnlyList<QueryTerms.QueryTerm> terms)
    {
        var found = new List<(int Start, int End)>();
        foreach (var term in terms)
        {
            if (term.IsDocumentNumber)
            {
                found.AddRange(DocumentNumbers.FindAll(text).Where(n => n.Number == term.Text).Select(n => (n.Index, n.Index + n.Length)));
                continue;
            }
            for (var i = text.IndexOf(term.Text, StringComparison.OrdinalIgnoreCase); i >= 0 && term.Text.Length > 0;
                 i = text.IndexOf(term.Text, i + term.Text.Length, StringComparison.OrdinalIgnoreCase))
                found.Add((i, i + term.Text.Length));
        }
        var merged = new List<(int Start, int Length)>();
        foreach (var (start, end) in found.OrderBy(f => f.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Start + last.Length, end) - last.Start);
            }
            else merged.Add((start, end - start));
        }
        return merged;
    }

    // The markers must never come from a document.
    private static string Clean(string text) => text.Replace(Open, ' ').Replace(Close, ' ');
}
