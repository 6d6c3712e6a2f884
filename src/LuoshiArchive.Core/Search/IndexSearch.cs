using System.Collections.Concurrent;
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

        var sort = terms.Count == 0 && query.Sort == SearchSort.Relevance ? SearchSort.DateDescending : query.Sort;
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var keep = (int)Math.Min((long)page * size, searcher.IndexReader.MaxDoc);
        var any = searcher.Rewrite(Filtered(terms.Count == 0 ? new MatchAllDocsQuery() : queries.Combine(terms, all: false), filter));
        var ranking = OrderOf(sort);
        var (termClauses, markAll) = AllTermsCheck(any, terms, filter);
        var collectors = InParallel(any, leaf => new MatchCollector(ranking, keep, termClauses, markAll is null ? null : () => markAll(leaf)));

        var best = collectors.SelectMany(c => c.Finish()).ToList();
        best.Sort(ranking);
        var hits = best.Skip((page - 1) * size).Take(size).Select(m => Hit(m.Doc, m.Score, m.MatchesAll, terms)).ToList();
        var facets = EvidenceFields.Facets.ToDictionary(f => f, f => (IReadOnlyList<FacetCount>)collectors
            .SelectMany(c => c.FacetCounts[f]).GroupBy(v => v.Key, v => v.Value).Select(g => new FacetCount(g.Key, g.Sum()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
        return new SearchResult(collectors.Sum(c => c.Total), collectors.Sum(c => c.TotalMatchingAll), hits, facets,
            terms.Select(t => t.Text).ToList());
    }

    /// <summary>
    /// How a query of several terms tells the matches holding all of them: by the term clauses of the (rewritten)
    /// query, whose scorers sit on a match exactly when their term is in it; and, for a segment where those scorers
    /// cannot all be found (a term absent from it, say), by a second pass over that segment alone. One term: neither.
    /// </summary>
    private (IReadOnlyList<Query>? TermClauses, Func<AtomicReaderContext, FixedBitSet>? MarkAll) AllTermsCheck(
        Query any, IReadOnlyList<QueryTerms.QueryTerm> terms, Query? filter)
    {
        if (terms.Count < 2) return (null, null);
        var clauses = (any is FilteredQuery f ? f.Query : any) is BooleanQuery combined ? combined.Clauses.Select(c => c.Query).ToList() : [];
        var all = new Lazy<Weight>(() => searcher.CreateNormalizedWeight(Filtered(queries.Combine(terms, all: true), filter)));
        return (clauses, leaf =>
        {
            var collector = new DocCollector(leaf.AtomicReader.MaxDoc);
            // In order: the query is a conjunction, which Lucene scores in order anyway (see MatchCollector).
            all.Value.GetBulkScorer(leaf, true, leaf.AtomicReader.LiveDocs)?.Score(collector);
            return collector.Docs;
        });
    }

    /// <summary>
    /// Runs the query over every segment of the index, the segments shared among the cores, with one collector each
    /// (what IndexSearcher does with an executor, which Lucene.Net 4.8 offers only for its own top-N searches). The
    /// weight is made once, so every segment is scored with the statistics of the whole index.
    /// </summary>
    private List<T> InParallel<T>(Query query, Func<AtomicReaderContext, T> collectorFor) where T : ICollector
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var collectors = leaves.Select(collectorFor).ToList();
        // Largest segments first, each core taking the next one when done: the small ones fill in at the end.
        var order = Enumerable.Range(0, leaves.Count).OrderByDescending(i => leaves[i].AtomicReader.MaxDoc);
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), cores, i =>
        {
            var leaf = leaves[i];
            var collector = collectors[i];
            collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
        });
        return collectors;
    }

    /// <summary>
    /// The order of the results: by relevance, documents holding every term first, then score, newest first; by date,
    /// newest (or oldest, undated last) first, then score. Ties go to the earlier-indexed document, so pages never
    /// overlap.
    /// </summary>
    private static Comparison<MatchCollector.Match> OrderOf(SearchSort sort) => sort switch
    {
        SearchSort.DateDescending => (a, b) => Then(b.Date.CompareTo(a.Date), b.Score.CompareTo(a.Score), a.Doc.CompareTo(b.Doc)),
        SearchSort.DateAscending => (a, b) => Then(Undated(a.Date).CompareTo(Undated(b.Date)), b.Score.CompareTo(a.Score), a.Doc.CompareTo(b.Doc)),
        _ => (a, b) => Then(b.MatchesAll.CompareTo(a.MatchesAll), b.Score.CompareTo(a.Score), Then(b.Date.CompareTo(a.Date), a.Doc.CompareTo(b.Doc), 0)),
    };

    private static long Undated(long date) => date == 0 ? long.MaxValue : date;

    private static int Then(int first, int second, int third) => first != 0 ? first : second != 0 ? second : third;

    private SearchHit Hit(int doc, float score, bool matchesAll, IReadOnlyList<QueryTerms.QueryTerm> terms)
    {
        var fields = new HitFields(terms);
        searcher.Doc(doc, fields);
        var stored = fields.Document;
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
            terms.Count == 0 ? [] : Snippets.Make(fields.Window, terms));
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
        if (query.WithinTasks is { } within)
        {
            // Nested in groups: a BooleanQuery holds at most 1,024 clauses. No task at all: the empty query matches nothing.
            var any = new BooleanQuery();
            foreach (var group in within.Distinct().Chunk(1000))
            {
                var codes = new BooleanQuery();
                foreach (var code in group) codes.Add(new TermQuery(new Term(EvidenceFields.Task, code)), Occur.SHOULD);
                any.Add(codes, Occur.SHOULD);
            }
            filter.Add(any, Occur.MUST);
        }
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
