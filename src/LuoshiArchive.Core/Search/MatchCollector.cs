using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// One pass over the matches of a search: counts them, counts their facet values (Lucene.Net's facet module is not
/// available here) and keeps only the best <c>keep</c> in a bounded heap, so a query matching the whole index costs
/// no sort of the whole index. Dates and facet values come from <see cref="SegmentValues"/>; no stored field is read.
/// </summary>
internal sealed class MatchCollector : ICollector
{
    /// <summary>A match; <see cref="MatchesAll"/> is whether it holds every term of the query.</summary>
    public readonly record struct Match(int Doc, float Score, long Date, bool MatchesAll);

    private readonly Comparison<Match> _ranking;
    private readonly FixedBitSet? _matchingAll;
    private readonly int _keep;
    private readonly PriorityQueue<Match, Match> _best;
    private readonly Dictionary<string, int[]> _segmentCounts = [];
    private Scorer? _scorer;
    private int _docBase;
    private SegmentValues? _segment;

    /// <param name="ranking">Negative when the first match ranks ahead of the second.</param>
    /// <param name="matchingAll">Top-level documents holding every term; null when every match does (one term).</param>
    /// <param name="keep">How many of the best matches to keep.</param>
    public MatchCollector(Comparison<Match> ranking, FixedBitSet? matchingAll, int keep)
    {
        _ranking = ranking;
        _matchingAll = matchingAll;
        _keep = keep;
        // The heap's top is the kept match that ranks last: the one a better match replaces.
        _best = new PriorityQueue<Match, Match>(Comparer<Match>.Create((a, b) => ranking(b, a)));
    }

    public int Total { get; private set; }
    public int TotalMatchingAll { get; private set; }
    public Dictionary<string, Dictionary<string, int>> FacetCounts { get; } =
        EvidenceFields.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>());

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        _docBase = context.DocBase;
        _segment = SegmentValues.Of(context.AtomicReader);
        foreach (var facet in _segment.Facets) _segmentCounts[facet.Field] = new int[facet.Values.Length];
    }

    public void Collect(int doc)
    {
        var top = _docBase + doc;
        var all = _matchingAll?.Get(top) ?? true;
        Total++;
        if (all) TotalMatchingAll++;
        var match = new Match(top, _scorer?.GetScore() ?? 0f, _segment!.Dates[doc], all);
        if (_best.Count < _keep) _best.Enqueue(match, match);
        else if (_keep > 0 && _ranking(match, _best.Peek()) < 0) _best.DequeueEnqueue(match, match);
        foreach (var facet in _segment.Facets)
        {
            var counts = _segmentCounts[facet.Field];
            for (var i = facet.Starts[doc]; i < facet.Starts[doc + 1]; i++) counts[facet.Ordinals[i]]++;
        }
    }

    /// <summary>The kept matches, best first; call once, after the search.</summary>
    public List<Match> Finish()
    {
        FlushSegmentCounts();
        var best = _best.UnorderedItems.Select(i => i.Element).ToList();
        best.Sort(_ranking);
        return best;
    }

    private void FlushSegmentCounts()
    {
        if (_segment is null) return;
        foreach (var facet in _segment.Facets)
        {
            var counts = _segmentCounts[facet.Field];
            var target = FacetCounts[facet.Field];
            for (var ord = 0; ord < counts.Length; ord++)
                if (counts[ord] > 0) target[facet.Values[ord]] = target.GetValueOrDefault(facet.Values[ord]) + counts[ord];
        }
        _segmentCounts.Clear();
    }
}
