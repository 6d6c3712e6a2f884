using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// One search: documents matching any term are collected with their facets; those matching all terms come first,
/// then the partial matches, each group by score (or all by date). Only the page's documents are loaded.
/// </summary>
internal sealed class IndexSearch(IndexSearcher searcher, QueryBuilder queries, SearchQuery query)
{
    public SearchResult Run()
    {
        var terms = QueryTerms.Parse(query.Text);
        var filter = Filter();
        var any = terms.Count == 0 ? new MatchAllDocsQuery() : queries.Combine(terms, all: false);
        var collector = new MatchCollector(countFacets: true);
        searcher.Search(Filtered(any, filter), collector);
        collector.Finish();

        var matchingAll = new HashSet<int>();
        if (terms.Count > 1)
        {
            var allCollector = new MatchCollector(countFacets: false);
            searcher.Search(Filtered(queries.Combine(terms, all: true), filter), allCollector);
            matchingAll.UnionWith(allCollector.Matches.Select(m => m.Doc));
        }
        else
        {
            matchingAll.UnionWith(collector.Matches.Select(m => m.Doc));
        }

        var sort = terms.Count == 0 && query.Sort == SearchSort.Relevance ? SearchSort.DateDescending : query.Sort;
        var ordered = sort switch
        {
            SearchSort.DateDescending => collector.Matches.OrderByDescending(m => m.Date).ThenByDescending(m => m.Score),
            SearchSort.DateAscending => collector.Matches.OrderBy(m => m.Date == 0 ? long.MaxValue : m.Date).ThenByDescending(m => m.Score),
            _ => collector.Matches.OrderByDescending(m => matchingAll.Contains(m.Doc)).ThenByDescending(m => m.Score).ThenByDescending(m => m.Date),
        };
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var hits = ordered.Skip((page - 1) * size).Take(size)
            .Select(m => Hit(m.Doc, m.Score, matchingAll.Contains(m.Doc), terms)).ToList();
        var facets = collector.FacetCounts.ToDictionary(f => f.Key,
            f => (IReadOnlyList<FacetCount>)f.Value.Select(v => new FacetCount(v.Key, v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
        return new SearchResult(collector.Matches.Count, matchingAll.Count, hits, facets, terms.Select(t => t.Text).ToList());
    }

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
