using System.Text;
using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Core.Tests.Search;

/// <summary>
/// A search over a store holding a very long text (issue 19, defect 7): a hit shows passages from a bounded window at
/// the start of its text, never from a scan of the whole stored text, so its cost does not grow with the text.
/// </summary>
public class LargeTextSearchTests
{
    private const int Id = 77;

    /// <summary>About 4 million characters: 落实 near the start, 重点任务 near the start and again only at the end.</summary>
    private static string LongText(out int endMarker)
    {
        var text = new StringBuilder("关于推进重点任务落实的工作方案。");
        const string filler = "各处室按照年度计划推进相关工作，定期报送进展情况。";
        while (text.Length < 4_000_000) text.Append(filler);
        endMarker = text.Length;
        text.Append("附件：终稿核对表。");
        return text.ToString();
    }

    [Fact]
    public void A_hit_in_a_four_million_character_text_shows_passages_from_the_start_window_only()
    {
        using var corpus = new SearchCorpus();
        corpus.Add(Id, "重点任务工作方案（汇编）", "", new(2018, 7, 1), "Policy", ["2018-001"], 2018, "Comprehensive", "办公室",
            LongText(out _));
        corpus.Index.Commit();

        var both = corpus.Index.Search(new SearchQuery("重点任务 落实")).Hits.Single(h => h.EvidenceId == Id);
        Assert.True(both.MatchesAllTerms);
        Assert.NotEmpty(both.Snippets);
        Assert.All(both.Snippets, s => Assert.True(s.Length <= 120, $"a passage of {s.Length} characters"));
        Assert.Contains("\u0001重点任务\u0002", both.Snippets[0]);

        // Found by the index (the whole text is indexed), but the passage is not looked for 4 million characters on:
        // the result line shows the start of the text, unmarked.
        var atTheEnd = corpus.Index.Search(new SearchQuery("终稿核对表")).Hits.Single(h => h.EvidenceId == Id);
        var passage = Assert.Single(atTheEnd.Snippets);
        Assert.StartsWith("关于推进重点任务落实的工作方案", passage);
        Assert.DoesNotContain('\u0001', passage);
    }

    [Fact]
    public void A_passage_is_marked_within_the_window_even_when_the_term_first_shows_up_late_in_it()
    {
        using var corpus = new SearchCorpus();
        var text = new string('甲', HitFields.MinWindow * 3) + "督办事项清单" + new string('乙', 1_000_000);
        corpus.Add(Id, "督办材料", "", new(2018, 7, 1), "Policy", ["2018-001"], 2018, "Comprehensive", "办公室", text);
        corpus.Index.Commit();

        var hit = corpus.Index.Search(new SearchQuery("督办事项")).Hits.Single(h => h.EvidenceId == Id);
        Assert.Contains("\u0001督办事项\u0002", Assert.Single(hit.Snippets));
    }

    [Fact]
    public void A_query_is_read_up_to_a_bounded_length_and_number_of_terms()
    {
        using var corpus = new SearchCorpus();
        var words = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"词{i}"));
        var result = corpus.Index.Search(new SearchQuery(words + " 长效机制"));
        Assert.True(result.Terms.Count <= 12, $"{result.Terms.Count} terms");
    }

    [Fact]
    public async Task The_evidence_page_reads_only_the_start_of_a_long_text()
    {
        using var storage = new TempStorage(new DateOnly(2018, 6, 15));
        var console = Core.Accounts.Actor.Console();
        var task = storage.Tasks.Create(new Core.Tasks.TaskDraft { Year = 2018, Name = "汇编" }, console);
        var text = "开头" + new string('文', 300_000) + "结尾";
        var added = await storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "汇编.txt",
            [task.Code], null, console);

        var shown = storage.Dossiers.ShownTextOf(added.Evidence);
        Assert.Equal(Core.Dossiers.DossierService.ShownTextLength, shown.Length);
        Assert.StartsWith("开头", shown);
        Assert.Equal(text.Length, added.Evidence.TextLength); // the page says how much more there is
    }
}
