using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// Collects every matching document with its score and date, and counts facet values from doc values on the way
/// (Lucene.Net's facet module is not available here). One pass over the matches, no stored fields read.
/// </summary>
internal sealed class MatchCollector(bool countFacets) : ICollector
{
    private Scorer? _scorer;
    private int _docBase;
    private NumericDocValues? _dates;
    private readonly List<(string Field, SortedSetDocValues Values, long[] Counts)> _segmentFacets = [];

    public List<(int Doc, float Score, long Date)> Matches { get; } = [];
    public Dictionary<string, Dictionary<string, int>> FacetCounts { get; } =
        EvidenceFields.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>());

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentFacets();
        _docBase = context.DocBase;
        _dates = context.AtomicReader.GetNumericDocValues(EvidenceFields.DateValue);
        if (!countFacets) return;
        foreach (var field in EvidenceFields.Facets)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(field);
            if (values is not null) _segmentFacets.Add((field, values, new long[values.ValueCount]));
        }
    }

    public void Collect(int doc)
    {
        Matches.Add((_docBase + doc, _scorer?.GetScore() ?? 0f, _dates?.Get(doc) ?? 0));
        foreach (var (_, values, counts) in _segmentFacets)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord]++;
        }
    }

    /// <summary>Turns the last segment's ordinal counts into value counts; call once after the search.</summary>
    public void Finish() => FlushSegmentFacets();

    private void FlushSegmentFacets()
    {
        var bytes = new BytesRef();
        foreach (var (field, values, counts) in _segmentFacets)
        {
            var target = FacetCounts[field];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, bytes);
                var value = bytes.Utf8ToString();
                target[value] = target.GetValueOrDefault(value) + (int)counts[ord];
            }
        }
        _segmentFacets.Clear();
    }
}
