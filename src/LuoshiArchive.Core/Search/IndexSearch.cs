using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// One search: documents matching any term are counted with their facets; those matching all terms come first,
/// then the partial matches, each group by score (or all by date). Only the page's documents are kept and loaded.
/// </summary>
internal sealed class IndexSearch(IndexSearcher searcher, QueryBuilder queries, SearchQuery query)
{
    public SearchResult Run()
    {
        var terms = QueryTerms.Parse(query.Text);
        var filter = Filter();

        // With several terms, a first pass marks the documents holding all of them (no scores needed).
        FixedBitSet? matchingAll = null;
        if (terms.Count > 1)
        {
            var all = new DocCollector(searcher.IndexReader.MaxDoc);
            searcher.Search(Filtered(queries.Combine(terms, all: true), filter), all);
            matchingAll = all.Docs;
        }

        var sort = terms.Count == 0 && query.Sort == SearchSort.Relevance ? SearchSort.DateDescending : query.Sort;
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var keep = (int)Math.Min((long)page * size, searcher.IndexReader.MaxDoc);
        var any = terms.Count == 0 ? new MatchAllDocsQuery() : queries.Combine(terms, all: false);
        var collector = new MatchCollector(Ranking(sort), matchingAll, keep);
        searcher.Search(Filtered(any, filter), collector);
        var best = collector.Finish();

        var hits = best.Skip((page - 1) * size).Select(m => Hit(m.Doc, m.Score, m.MatchesAll, terms)).ToList();
        var facets = collector.FacetCounts.ToDictionary(f => f.Key,
            f => (IReadOnlyList<FacetCount>)f.Value.Select(v => new FacetCount(v.Key, v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
        return new SearchResult(collector.Total, collector.TotalMatchingAll, hits, facets, terms.Select(t => t.Text).ToList());
    }

    /// <summary>
    /// The order of the results: by relevance, documents holding every term first, then score, newest first; by date,
    /// newest (or oldest, undated last) first, then score. Ties go to the earlier-indexed document, so pages never
    /// overlap.
    /// </summary>
    private static Comparison<MatchCollector.Match> Ranking(SearchSort sort) => sort switch
    {
        SearchSort.DateDescending => (a, b) => Then(b.Date.CompareTo(a.Date), b.Score.CompareTo(a.Score), a.Doc.CompareTo(b.Doc)),
        SearchSort.DateAscending => (a, b) => Then(Undated(a.Date).CompareTo(Undated(b.Date)), b.Score.CompareTo(a.Score), a.Doc.CompareTo(b.Doc)),
        _ => (a, b) => Then(b.MatchesAll.CompareTo(a.MatchesAll), b.Score.CompareTo(a.Score), Then(b.Date.CompareTo(a.Date), a.Doc.CompareTo(b.Doc), 0)),
    };

    private static long Undated(long date) => date == 0 ? long.MaxValue : date;

    private static int Then(int first, int second, int third) => first != 0 ? first : second != 0 ? second : third;

    private SearchHit Hit(int doc, float score, bool matchesAll, IReadOnlyList<QueryTerms.QueryTerm> terms)
    {
        var stored = searcher.Doc(doc);
        var date = stored.Get(EvidenceFields.Date);
        return new SearchHit(
            int.Parse(stored.Get(EvidenceFields.Id), CultureInfo.InvariantCulture),
            stored.Get(EvidenceFields.Title) ?? "",
            stored.Get(EvidenceFields.Number) ?? "",
            date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            stored.Get(EvidenceFields.Kind) ?? "",
            stored.GetValues(EvidenceFields.Task),
            score,
            matchesAll,
            terms.Count == 0 ? [] : Snippets.Make(stored.Get(EvidenceFields.Text) ?? "", terms));
    }

    private Query? Filter()
    {
        var filter = new BooleanQuery();
        void Keyword(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
        Keyword(EvidenceFields.Year, query.Year?.ToString(CultureInfo.InvariantCulture));
        Keyword(EvidenceFields.Task, query.TaskCode);
        Keyword(EvidenceFields.ListKind, query.ListKind);
        Keyword(EvidenceFields.Department, query.Department);
        Keyword(EvidenceFields.Kind, query.Kind);
        if (query.From is not null || query.To is not null)
        {
            filter.Add(NumericRangeQuery.NewInt32Range(EvidenceFields.DateValue,
                query.From is { } from ? EvidenceFields.DateNumber(from) : null,
                query.To is { } to ? EvidenceFields.DateNumber(to) : null, true, true), Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : filter;
    }

    private static Query Filtered(Query query, Query? filter) =>
        filter is null ? query : new FilteredQuery(query, new QueryWrapperFilter(filter));
}
