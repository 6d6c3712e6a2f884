using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Core.Tests.Search;

public class EvidenceIndexTests
{
    [Fact]
    public void Upserting_the_same_id_replaces_it_and_delete_removes_it()
    {
        using var corpus = new SearchCorpus();
        corpus.Add(SearchCorpus.Report, "关于课后服务的补充报告", "", new(2018, 7, 1), "Report", ["2018-007"], 2018, "LeaderLed", "基础教育处", "补充说明经费情况。");
        corpus.Index.Commit();

        Assert.Equal(5, corpus.Index.Count);
        Assert.Equal("关于课后服务的补充报告", corpus.Index.Search(new SearchQuery("补充说明")).Hits.Single().Title);
        Assert.Empty(corpus.Ids("河西区"));

        corpus.Index.Delete(SearchCorpus.Report);
        corpus.Index.Commit();
        Assert.Empty(corpus.Ids("补充说明"));
        Assert.Equal(new HashSet<int> { 1, 2, 4, 5 }, corpus.Index.AllIds());
    }

    [Fact]
    public void A_change_is_found_by_the_next_search_without_a_commit()
    {
        using var corpus = new SearchCorpus();
        corpus.Add(9, "关于校园安全专项检查的通知", "", new(2018, 8, 1), "Policy", ["2018-003"], 2018, "Department", "办公室", "开展校园安全专项检查。");
        Assert.Equal([9], corpus.Ids("专项检查"));
        Assert.Equal(6, corpus.Index.Count);

        corpus.Index.Delete(9);
        Assert.Empty(corpus.Ids("专项检查"));
        corpus.Index.DeleteAll();
        Assert.Equal(0, corpus.Index.Count);
    }

    [Fact]
    public void Committed_documents_survive_reopening_the_index_and_delete_all_empties_it()
    {
        using var corpus = new SearchCorpus();
        corpus.Reopen();
        Assert.Equal([SearchCorpus.Minutes], corpus.Ids("张志强"));

        corpus.Index.DeleteAll();
        corpus.Index.Commit();
        Assert.Equal(0, corpus.Index.Count);
    }

    [Fact]
    public async Task Searches_run_concurrently_with_upserts()
    {
        using var corpus = new SearchCorpus();
        var writer = Task.Run(() =>
        {
            for (var i = 100; i < 160; i++)
            {
                corpus.Add(i, $"第{i}号材料", "", new(2018, 5, 1), "Other", ["2018-050"], 2018, "Department", "办公室", $"并发写入的材料{i}，涉及落实工作。");
                if (i % 10 == 0) corpus.Index.Commit();
            }
            corpus.Index.Commit();
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 40; i++) Assert.NotEmpty(corpus.Ids("落实"));
        }));
        await Task.WhenAll(readers.Append(writer));
        Assert.Equal(65, corpus.Index.Count);
    }

    [Fact]
    public void Changes_after_a_commit_are_kept_when_the_index_is_closed()
    {
        using var corpus = new SearchCorpus();
        corpus.Add(20, "第一份材料", "", new(2018, 5, 1), "Other", ["2018-050"], 2018, "Department", "办公室", "先提交的材料。");
        corpus.Index.Commit();
        Assert.Equal([20], corpus.Ids("先提交"));
        corpus.Add(21, "第二份材料", "", new(2018, 5, 2), "Other", ["2018-050"], 2018, "Department", "办公室", "后写入的材料。");
        corpus.Index.Delete(SearchCorpus.Report);
        Assert.Equal([21], corpus.Ids("后写入"));

        corpus.Reopen();

        Assert.Equal([21], corpus.Ids("后写入"));
        Assert.Empty(corpus.Ids("补充说明"));
    }

    [Fact]
    public void All_ids_counts_every_segment_of_the_index()
    {
        // Each commit of a few documents writes a segment of its own; the ids of the later segments were lost
        // (segment-relative document numbers), so start-up re-indexed them and `luoshi check` reported them missing.
        using var corpus = new SearchCorpus();
        corpus.Index.Commit();
        for (var id = 30; id < 36; id++)
        {
            corpus.Add(id, $"第{id}号材料", "", new(2018, 5, 1), "Other", ["2018-050"], 2018, "Department", "办公室", "分段提交。");
            corpus.Index.Commit();
        }
        corpus.Index.Delete(31);
        corpus.Index.Commit();

        Assert.Equal(new HashSet<int> { 1, 2, 3, 4, 5, 30, 32, 33, 34, 35 }, corpus.Index.AllIds());
    }
}
