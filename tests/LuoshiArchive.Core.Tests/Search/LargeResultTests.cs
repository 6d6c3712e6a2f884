using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Core.Tests.Search;

/// <summary>
/// A query matching hundreds of documents spread over several index segments, some deleted or replaced: every page
/// is a distinct slice of one order, the totals and facet counts are those of the live documents, and the cached
/// per-segment values follow replacements.
/// </summary>
public sealed class LargeResultTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "luoshi-large-" + Guid.NewGuid().ToString("N"));
    private readonly EvidenceIndex _index;

    public LargeResultTests()
    {
        _index = new EvidenceIndex(_path);
        // Four commits make four segments; ids 1..400.
        for (var batch = 0; batch < 4; batch++)
        {
            for (var id = batch * 100 + 1; id <= (batch + 1) * 100; id++) Add(id, id % 3 == 0 ? "督查督办" : "课后服务");
            _index.Commit();
        }
        for (var id = 5; id <= 400; id += 50) _index.Delete(id); // 8 deleted
        Add(7, "课后服务", new DateOnly(2030, 1, 1)); // replaced: new date, lands in a new segment
        _index.Commit();
    }

    private void Add(int id, string subject, DateOnly? date = null) => _index.Upsert(new IndexedEvidence(
        id, $"关于{subject}的第{id}号通知", "", date ?? new DateOnly(2018, 1, 1).AddDays(id % 97), id % 2 == 0 ? "Policy" : "Minutes",
        [$"2018-{id % 5:000}"], [2018 + id % 2], ["Comprehensive"], [id % 4 == 0 ? "办公室" : "基础教育处"], "市教委",
        $"各处室要认真落实{subject}工作，第{id}号。"));

    private static readonly HashSet<int> Deleted = Enumerable.Range(0, 8).Select(i => 5 + i * 50).ToHashSet();
    private static IEnumerable<int> Live => Enumerable.Range(1, 400).Where(id => !Deleted.Contains(id));

    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.DateDescending)]
    [InlineData(SearchSort.DateAscending)]
    public void Pages_are_distinct_slices_of_one_order_covering_every_match(SearchSort sort)
    {
        var first = _index.Search(new SearchQuery("落实") { Sort = sort, PageSize = 50 });
        Assert.Equal(Live.Count(), first.Total);
        var seen = new List<SearchHit>();
        for (var page = 1; page <= 8; page++)
            seen.AddRange(_index.Search(new SearchQuery("落实") { Sort = sort, PageSize = 50, Page = page }).Hits);
        Assert.Equal(Live.Order(), seen.Select(h => h.EvidenceId).Order());
        if (sort == SearchSort.DateDescending)
        {
            Assert.Equal(7, seen[0].EvidenceId); // the replaced document's new date is the newest
            Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Date >= p.Second.Date));
        }
        if (sort == SearchSort.DateAscending) Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Date <= p.Second.Date));
        if (sort == SearchSort.Relevance) Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Empty(_index.Search(new SearchQuery("落实") { Sort = sort, PageSize = 50, Page = 9 }).Hits);
    }

    [Fact]
    public void Totals_and_facet_counts_are_those_of_the_live_documents()
    {
        var result = _index.Search(new SearchQuery("督查督办 课后服务"));
        Assert.Equal(Live.Count(), result.Total);
        Assert.Equal(0, result.TotalMatchingAllTerms);
        Assert.All(result.Hits, h => Assert.False(h.MatchesAllTerms));
        Assert.Equal(Live.Count(id => id % 4 == 0), Count(result, "department", "办公室"));
        Assert.Equal(Live.Count(id => id % 2 == 1), Count(result, "year", "2019"));
        Assert.Equal(Live.Count(id => id % 5 == 3), Count(result, "task", "2018-003"));

        var both = _index.Search(new SearchQuery("督查督办 第3号"));
        Assert.Equal(1, both.TotalMatchingAllTerms);
        Assert.Equal(3, both.Hits[0].EvidenceId);
        Assert.True(both.Hits[0].MatchesAllTerms);
        Assert.All(both.Hits.Skip(1), h => Assert.False(h.MatchesAllTerms));

        var filtered = _index.Search(new SearchQuery("督查督办 第3号") { Year = 2019 });
        Assert.Equal(Live.Count(id => id % 3 == 0 && id % 2 == 1), filtered.Total);
        Assert.Equal(1, filtered.TotalMatchingAllTerms);
        Assert.Equal(3, filtered.Hits[0].EvidenceId);
        Assert.Equal(0, _index.Search(new SearchQuery("督查督办 第3号") { Year = 2018 }).TotalMatchingAllTerms);
    }

    [Fact]
    public void Filters_count_within_the_filter()
    {
        var result = _index.Search(new SearchQuery("督查督办") { Department = "办公室", Year = 2018 });
        var expected = Live.Count(id => id % 3 == 0 && id % 4 == 0 && id % 2 == 0);
        Assert.Equal(expected, result.Total);
        Assert.Equal(expected, Count(result, "department", "办公室"));
    }

    private static int Count(SearchResult result, string facet, string value) =>
        result.Facets[facet].SingleOrDefault(f => f.Value == value)?.Count ?? 0;

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_path, recursive: true); } catch (IOException) { }
    }
}
