using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Core.Tests.Search;

public class EvidenceSearchTests : IClassFixture<SearchCorpus>
{
    private readonly SearchCorpus _corpus;

    public EvidenceSearchTests(SearchCorpus corpus) => _corpus = corpus;

    [Theory]
    [InlineData("落实", SearchCorpus.Notice)]
    [InlineData("督查督办", SearchCorpus.Minutes)]
    [InlineData("课后服务", SearchCorpus.Report)]
    public void A_word_finds_the_document_that_contains_it(string query, int expected) =>
        Assert.Contains(expected, _corpus.Ids(query));

    [Theory]
    [InlineData("效机")]      // inside 长效机制, across SmartCn's word boundary
    [InlineData("落实长效")]  // the end of one word and the start of the next
    [InlineData("实长效机")]
    [InlineData("主动公")]
    public void A_fragment_of_two_or_more_characters_is_found_like_ctrl_f(string fragment)
    {
        var hit = Assert.Single(_corpus.Index.Search(new SearchQuery(fragment)).Hits);
        Assert.Equal(SearchCorpus.Notice, hit.EvidenceId);
    }

    [Theory]
    [InlineData("津教委〔2018〕1号")]
    [InlineData("津教委[2018]1号")]
    [InlineData("津教委［2018］1号")]
    [InlineData("津教委（2018）1号")]
    [InlineData("津教委(2018]1号")]
    [InlineData("津教委〔2018〕1 号")]
    [InlineData("津教委 〔 2018 〕 01号")]
    public void A_document_number_in_any_bracket_form_finds_that_document_first(string query)
    {
        var hits = _corpus.Index.Search(new SearchQuery(query)).Hits;
        Assert.Equal(SearchCorpus.Notice, hits[0].EvidenceId);
        Assert.DoesNotContain(hits, h => h.EvidenceId == SearchCorpus.Criticism); // 津教委〔2018〕20号 is another number
    }

    [Theory]
    [InlineData("张志强", SearchCorpus.Minutes)]
    [InlineData("河西区", SearchCorpus.Report)]
    [InlineData("天津市委", SearchCorpus.Notice)]
    public void Names_of_people_and_places_are_found(string query, int expected) =>
        Assert.Equal(expected, _corpus.Ids(query)[0]);

    [Theory]
    [InlineData("区块链")]
    [InlineData("量子计算")]
    [InlineData("\"落实推进长效\"")]
    public void Queries_whose_text_occurs_nowhere_return_nothing(string query)
    {
        var result = _corpus.Index.Search(new SearchQuery(query));
        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Documents_matching_every_word_come_first_then_partial_matches_flagged()
    {
        var result = _corpus.Index.Search(new SearchQuery("张志强 课后服务"));

        Assert.Equal(2, result.Total);
        Assert.Equal(0, result.TotalMatchingAllTerms);
        Assert.All(result.Hits, h => Assert.False(h.MatchesAllTerms));

        var both = _corpus.Index.Search(new SearchQuery("督查督办 月度自查"));
        Assert.Contains(both.Hits, h => h.EvidenceId == SearchCorpus.Criticism && h.MatchesAllTerms);
        Assert.False(both.Hits.Single(h => h.EvidenceId == SearchCorpus.Minutes).MatchesAllTerms);
        var flags = both.Hits.Select(h => h.MatchesAllTerms).ToList();
        Assert.Equal(flags.OrderByDescending(f => f), flags); // every full match before any partial one
        Assert.Equal(flags.Count(f => f), both.TotalMatchingAllTerms);
    }

    [Fact]
    public void A_query_with_one_matching_and_one_unknown_word_still_returns_the_match_as_partial()
    {
        var hit = Assert.Single(_corpus.Index.Search(new SearchQuery("体质健康 区块链")).Hits);
        Assert.Equal(SearchCorpus.Sports, hit.EvidenceId);
        Assert.False(hit.MatchesAllTerms);
    }

    [Fact]
    public void A_quoted_phrase_must_occur_as_written()
    {
        Assert.Equal([SearchCorpus.Notice], _corpus.Ids("\"工作落实长效机制\""));
        Assert.Equal([SearchCorpus.Minutes], _corpus.Ids("\"研究了督查督办\""));
        Assert.Empty(_corpus.Ids("\"研究督查督办\""));
    }

    [Fact]
    public void A_title_match_ranks_above_a_body_match()
    {
        var hits = _corpus.Ids("体质健康监测");
        Assert.Equal(SearchCorpus.Sports, hits[0]);
    }

    [Fact]
    public void Filters_narrow_the_hits_and_facets_count_the_values()
    {
        var all = _corpus.Index.Search(new SearchQuery("督查督办 落实 通知"));
        Assert.Contains(all.Facets["year"], f => f is { Value: "2018" });
        Assert.Equal(all.Total, all.Facets["year"].Sum(f => f.Count));

        var kind = _corpus.Index.Search(new SearchQuery("通知") { Kind = "OutgoingDocument" });
        Assert.All(kind.Hits, h => Assert.Equal("OutgoingDocument", h.Kind));

        var byTask = _corpus.Index.Search(new SearchQuery("") { TaskCode = "2018-001" });
        Assert.Equal([SearchCorpus.Minutes, SearchCorpus.Notice], byTask.Hits.Select(h => h.EvidenceId));
        Assert.Equal(new FacetCount("2018-001", 2), byTask.Facets["task"][0]);
        Assert.Contains(new FacetCount("2018-002", 1), byTask.Facets["task"]);

        var department = _corpus.Index.Search(new SearchQuery("") { Department = "基础教育处" });
        Assert.Equal([SearchCorpus.Report], department.Hits.Select(h => h.EvidenceId));

        var dated = _corpus.Index.Search(new SearchQuery("") { From = new(2018, 3, 1), To = new(2018, 9, 5) });
        Assert.Equal([SearchCorpus.Criticism, SearchCorpus.Report, SearchCorpus.Minutes], dated.Hits.Select(h => h.EvidenceId));

        var year = _corpus.Index.Search(new SearchQuery("通知") { Year = 2019 });
        Assert.Equal([SearchCorpus.Sports], year.Hits.Select(h => h.EvidenceId));
        var listKind = _corpus.Index.Search(new SearchQuery("") { ListKind = "LeaderLed" });
        Assert.Equal([SearchCorpus.Report], listKind.Hits.Select(h => h.EvidenceId));
    }

    [Fact]
    public void Results_sort_by_date_and_page()
    {
        var oldestFirst = _corpus.Index.Search(new SearchQuery("") { Year = 2018, Sort = SearchSort.DateAscending, PageSize = 2 });
        Assert.Equal(4, oldestFirst.Total);
        Assert.Equal([SearchCorpus.Notice, SearchCorpus.Minutes], oldestFirst.Hits.Select(h => h.EvidenceId));
        var second = _corpus.Index.Search(new SearchQuery("") { Year = 2018, Sort = SearchSort.DateAscending, PageSize = 2, Page = 2 });
        Assert.Equal([SearchCorpus.Report, SearchCorpus.Criticism], second.Hits.Select(h => h.EvidenceId));
    }

    [Fact]
    public void Snippets_mark_the_matched_text()
    {
        var hit = _corpus.Index.Search(new SearchQuery("同志主持")).Hits.Single();
        Assert.Equal("会议由张志强\u0001同志主持\u0002。会议研究了督查督办工作，决定每月召开重点工作推动会。会议要求各处室建立佐证材料档案，做到一事一档。",
            Assert.Single(hit.Snippets));

        var number = _corpus.Index.Search(new SearchQuery("津党发(2017)8号")).Hits[0];
        Assert.Equal(SearchCorpus.Notice, number.EvidenceId);
        Assert.Contains("\u0001津党发〔2017〕8号\u0002", string.Join("", number.Snippets));
    }

    [Fact]
    public void The_whole_text_can_be_marked_for_the_evidence_page() =>
        Assert.Equal("会议由\u0001张志强\u0002同志主持，\u0001张志强\u0002讲话。",
            EvidenceIndex.HighlightText("会议由张志强同志主持，张志强讲话。", "张志强"));
}
