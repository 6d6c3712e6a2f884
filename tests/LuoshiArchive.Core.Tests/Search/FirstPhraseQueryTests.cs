using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Core.Tests.Search;

/// <summary>
/// The body's phrase query stops at a document's first occurrence: it must match exactly the documents Lucene's own
/// PhraseQuery matches (order, adjacency, repeated terms, several segments, deleted documents).
/// </summary>
public sealed class FirstPhraseQueryTests : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Body = "text_b";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "luoshi-phrase-" + Guid.NewGuid().ToString("N"));
    private readonly CJKAnalyzer _analyzer = new(Version);

    [Fact]
    public void Matches_exactly_the_documents_a_phrase_query_matches()
    {
        var random = new Random(7);
        var pieces = new[] { "重点", "任务", "落实", "督办", "任务落实", "重点任务", "长效机制", "。", "，", "工作" };
        using (var directory = FSDirectory.Open(_folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, _analyzer)))
        {
            for (var i = 0; i < 600; i++)
            {
                var words = Enumerable.Range(0, random.Next(1, 400)).Select(_ => pieces[random.Next(pieces.Length)]);
                writer.AddDocument([new StringField("id", i.ToString(), Field.Store.YES),
                    new TextField(Body, string.Concat(words), Field.Store.YES)]);
                if (i % 150 == 149) writer.Commit(); // several segments
            }
            writer.DeleteDocuments(new Term("id", "3"), new Term("id", "310"));
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(FSDirectory.Open(_folder));
        var searcher = new IndexSearcher(reader);
        var phrases = new[] { "重点任务", "任务落实", "落实重点", "务落实督", "重点重点", "任务任务任务", "机制工作", "长效机制。重点",
            "落实督办", "实督" };
        foreach (var text in phrases)
        {
            var tokens = Tokens(text);
            var phrase = new PhraseQuery();
            foreach (var (term, position) in tokens) phrase.Add(new Term(Body, term), position);
            var expected = Ids(searcher, phrase);
            var actual = Ids(searcher, new FirstPhraseQuery(Body, tokens));
            var extra = actual.Except(expected).Concat(expected.Except(actual)).Take(1).Select(id =>
                searcher.Doc(searcher.Search(new TermQuery(new Term("id", id)), 1).ScoreDocs[0].Doc).Get(Body));
            Assert.True(expected.SetEquals(actual),
                $"“{text}”: PhraseQuery {expected.Count}, FirstPhraseQuery {actual.Count}: {string.Join("|", extra)}");
            Assert.DoesNotContain("3", actual);
        }
        // Sanity of the corpus: the phrases are neither absent nor everywhere.
        var common = Ids(searcher, new FirstPhraseQuery(Body, Tokens("重点任务")));
        Assert.InRange(common.Count, 50, 597);
    }

    [Fact]
    public void Ranks_a_document_that_repeats_the_phrase_above_one_that_says_it_once()
    {
        using (var directory = FSDirectory.Open(_folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, _analyzer)))
        {
            writer.AddDocument([new StringField("id", "once", Field.Store.YES),
                new TextField(Body, "本年度的重点任务已经分解。其他工作照常推进，会议另行通知。", Field.Store.NO)]);
            writer.AddDocument([new StringField("id", "often", Field.Store.YES),
                new TextField(Body, "重点任务一：课后服务。重点任务二：督导评估。重点任务三：档案。", Field.Store.NO)]);
            writer.AddDocument([new StringField("id", "apart", Field.Store.YES),
                new TextField(Body, "重点在于任务的分解。", Field.Store.NO)]);
        }
        using var reader = DirectoryReader.Open(FSDirectory.Open(_folder));
        var searcher = new IndexSearcher(reader);
        var top = searcher.Search(new FirstPhraseQuery(Body, Tokens("重点任务")), 10);
        Assert.Equal(["often", "once"], top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToArray());
    }

    private List<(string Term, int Position)> Tokens(string text) => Core.Search.QueryBuilder.Tokens(_analyzer, Body, text);

    private static HashSet<string> Ids(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 1000).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToHashSet();

    public void Dispose()
    {
        _analyzer.Dispose();
        if (System.IO.Directory.Exists(_folder)) System.IO.Directory.Delete(_folder, recursive: true);
    }
}
