using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// Breaks a title into lines of at most <see cref="MaxPerLine"/> characters at word boundaries (SmartCn segmentation),
/// shaped as GB/T 9704 asks: lines as even as possible, an upper line never shorter than the one below (梯形).
/// </summary>
public static class TitleLines
{
    /// <summary>二号 (22 pt) characters across the 156 mm type area: 442 pt / 22 pt.</summary>
    public const int MaxPerLine = 20;

    public static IReadOnlyList<string> Break(string title, int maxPerLine = MaxPerLine)
    {
        title = title.Trim();
        if (title.Length <= maxPerLine) return [title];
        var fewest = (title.Length + maxPerLine - 1) / maxPerLine;
        // First without a break before a one-character word (the 处 of 政策法规处, the 局 of 教育局), then with.
        foreach (var keepSuffixes in new[] { true, false })
        {
            var boundaries = WordBoundaries(title, keepSuffixes);
            for (var lines = fewest; lines <= (keepSuffixes ? fewest + 1 : title.Length); lines++)
            {
                var best = Best(title.Length, lines, boundaries, maxPerLine);
                if (best is not null) return Cut(title, best);
            }
        }
        return [title];
    }

    /// <summary>
    /// Positions where a line may break: between two words, never inside one, never before closing punctuation;
    /// with <paramref name="keepSuffixes"/>, never before a one-character word either.
    /// </summary>
    private static SortedSet<int> WordBoundaries(string title, bool keepSuffixes)
    {
        var boundaries = new SortedSet<int>();
        var single = new HashSet<int>();
        using var analyzer = new SmartChineseAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48, stopWords: Lucene.Net.Analysis.Util.CharArraySet.Empty);
        using var stream = analyzer.GetTokenStream("t", title);
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            boundaries.Add(offsets.StartOffset);
            boundaries.Add(offsets.EndOffset);
            if (offsets.EndOffset - offsets.StartOffset == 1 && title[offsets.StartOffset] >= 0x2E80) single.Add(offsets.StartOffset);
        }
        stream.End();
        if (keepSuffixes) boundaries.ExceptWith(single);
        boundaries.RemoveWhere(b => b <= 0 || b >= title.Length || "，、。；：）》”’〕".Contains(title[b]) || "（《“‘〔".Contains(title[b - 1]));
        return boundaries;
    }

    private static int[]? Best(int length, int lines, SortedSet<int> boundaries, int max)
    {
        int[]? best = null;
        var bestScore = double.MaxValue;
        var ideal = (double)length / lines;
        void Search(int start, List<int> cuts)
        {
            if (cuts.Count == lines - 1)
            {
                var last = length - start;
                if (last > max || last == 0) return;
                var all = cuts.Append(length).ToList();
                var lengths = all.Select((c, i) => c - (i == 0 ? 0 : all[i - 1])).ToList();
                // 梯形: an upper line never shorter than the one below it.
                for (var i = 1; i < lengths.Count; i++) if (lengths[i] > lengths[i - 1]) return;
                var score = lengths.Sum(l => (l - ideal) * (l - ideal));
                if (score < bestScore) (bestScore, best) = (score, cuts.ToArray());
                return;
            }
            foreach (var b in boundaries.GetViewBetween(start + 1, Math.Min(start + max, length - 1)))
            {
                cuts.Add(b);
                Search(b, cuts);
                cuts.RemoveAt(cuts.Count - 1);
            }
        }
        Search(0, []);
        return best;
    }

    private static List<string> Cut(string title, int[] cuts)
    {
        var lines = new List<string>();
        var start = 0;
        foreach (var cut in cuts.Append(title.Length))
        {
            lines.Add(title[start..cut]);
            start = cut;
        }
        return lines;
    }
}
