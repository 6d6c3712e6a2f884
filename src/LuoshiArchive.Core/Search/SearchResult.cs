namespace LuoshiArchive.Core.Search;

/// <summary>
/// A page of hits: documents matching all the query's terms first, then those matching some (partial matches).
/// Facets count, per filter key ("year", "task", "listKind", "department", "kind"), the values over all matches.
/// </summary>
public sealed record SearchResult(
    int Total,
    int TotalMatchingAllTerms,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    IReadOnlyList<string> Terms);
