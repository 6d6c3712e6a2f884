using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// One pass over the matches of a search in one index segment: counts them, counts their facet values (Lucene.Net's
/// facet module is not available here) and keeps only the best <c>keep</c> in a bounded heap, so a query matching the
/// whole index costs no sort of the whole index. Dates and facet values come from <see cref="SegmentValues"/>; no
/// stored field is read. Segments are searched in parallel, one collector each, merged by <see cref="IndexSearch"/>.
/// </summary>
internal sealed class MatchCollector : ICollector
{
    /// <summary>A match; <see cref="MatchesAll"/> is whether it holds every term of the query.</summary>
    public readonly record struct Match(int Doc, float Score, long Date, bool MatchesAll);

    private readonly Comparison<Match> _ranking;
    private readonly IReadOnlyList<Query>? _terms;
    private readonly Func<FixedBitSet>? _markAll;
    private Scorer[]? _termScorers;
    private FixedBitSet? _matchingAll;
    private readonly int _keep;
    private readonly PriorityQueue<Match, Match> _best;
    private int[][] _segmentCounts = [];
    private Scorer? _scorer;
    private int _docBase;
    private SegmentValues? _segment;

    /// <param name="ranking">Negative when the first match ranks ahead of the second.</param>
    /// <param name="keep">How many of the best matches to keep.</param>
    /// <param name="terms">The clauses, one per term, of a query of several terms (null: every match holds all).</param>
    /// <param name="markAll">Marks the segment's documents holding every term; asked only if the term scorers are not found.</param>
    public MatchCollector(Comparison<Match> ranking, int keep, IReadOnlyList<Query>? terms = null, Func<FixedBitSet>? markAll = null)
    {
        _ranking = ranking;
        _terms = terms;
        _markAll = markAll;
        _keep = keep;
        // The heap's top is the kept match that ranks last: the one a better match replaces.
        _best = new PriorityQueue<Match, Match>(Comparer<Match>.Create((a, b) => ranking(b, a)));
    }

    public int Total { get; private set; }
    public int TotalMatchingAll { get; private set; }
    public Dictionary<string, Dictionary<string, int>> FacetCounts { get; } =
        EvidenceFields.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>());

    /// <summary>
    /// Always in order. With several terms, a disjunction's sub-scorers are then on the current document exactly when
    /// they match it. With one, the term's query has a required clause: asked for an out-of-order scorer, Lucene 4.8's
    /// BooleanWeight opens every clause's postings for a BooleanScorer, finds the required clause, drops them and opens
    /// them again in order, so each segment's postings were opened twice (profile of the phrase at 100k documents).
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        if (_terms is null) return;
        var found = new Scorer?[_terms.Count];
        Find(scorer, found);
        if (found.Length > 0 && found.All(s => s is not null)) _termScorers = found!;
        else _matchingAll = _markAll?.Invoke();
    }

    /// <summary>The scorer of each term clause in the tree, known by the clause its weight was made from.</summary>
    private void Find(Scorer scorer, Scorer?[] found)
    {
        for (var i = 0; i < _terms!.Count; i++)
        {
            if (!ReferenceEquals(scorer.Weight?.Query, _terms[i])) continue;
            found[i] = scorer;
            return;
        }
        foreach (var child in scorer.GetChildren()) Find(child.Child, found);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        _docBase = context.DocBase;
        _segment = SegmentValues.Of(context.AtomicReader);
        _segmentCounts = _segment.Facets.Select(f => new int[f.Values.Length]).ToArray();
    }

    public void Collect(int doc)
    {
        var top = _docBase + doc;
        var all = _termScorers is { } scorers ? AllOn(scorers, doc) : _matchingAll?.Get(doc) ?? _terms is null;
        Total++;
        if (all) TotalMatchingAll++;
        var match = new Match(top, _scorer?.GetScore() ?? 0f, _segment!.Dates[doc], all);
        if (_best.Count < _keep) _best.Enqueue(match, match);
        else if (_keep > 0 && _ranking(match, _best.Peek()) < 0) _best.DequeueEnqueue(match, match);
        var facets = _segment.Facets;
        for (var f = 0; f < facets.Length; f++)
        {
            var (counts, starts, ordinals) = (_segmentCounts[f], facets[f].Starts, facets[f].Ordinals);
            for (var i = starts[doc]; i < starts[doc + 1]; i++) counts[ordinals[i]]++;
        }
    }

    private static bool AllOn(Scorer[] scorers, int doc)
    {
        foreach (var scorer in scorers)
            if (scorer.DocID != doc) return false;
        return true;
    }

    /// <summary>The kept matches, in no order; call once, after the search.</summary>
    public IEnumerable<Match> Finish()
    {
        FlushSegmentCounts();
        return _best.UnorderedItems.Select(i => i.Element);
    }

    private void FlushSegmentCounts()
    {
        if (_segment is null) return;
        for (var f = 0; f < _segment.Facets.Length; f++)
        {
            var (facet, counts) = (_segment.Facets[f], _segmentCounts[f]);
            var target = FacetCounts[facet.Field];
            for (var ord = 0; ord < counts.Length; ord++)
                if (counts[ord] > 0) target[facet.Values[ord]] = target.GetValueOrDefault(facet.Values[ord]) + counts[ord];
        }
        _segmentCounts = [];
    }
}
