using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace LuoshiArchive.Core.Search;

/// <summary>
/// The full-text index of the dossiers (Lucene.Net 4.8). One IndexWriter for the life of the object, searches through
/// a SearcherManager. The index is derived data: the store and the blobs can always rebuild it.
/// </summary>
public sealed class EvidenceIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly QueryBuilder _queries;

    private readonly FileStream? _owner;

    /// <summary>The folder the index lives in.</summary>
    public string Folder { get; }

    private EvidenceIndex(string indexDirectory, FileStream owner) : this(indexDirectory) => _owner = owner;

    /// <summary>
    /// Opens the index in <paramref name="folder"/> for this process alone. Two processes writing one Lucene folder
    /// corrupt it (Lucene.Net's write lock does not hold between processes on Linux), so the folder is held by a lock
    /// file opened with FileShare.None (an flock, released by the kernel if the process dies). With a shared store
    /// every process follows the store's evidence change log, so a busy folder is passed over for
    /// <c>folder-2</c>, <c>folder-3</c>, …: the CLI beside a running web node, or a node whose index path was not set.
    /// </summary>
    public static EvidenceIndex OpenOwn(string folder)
    {
        for (var n = 1; n <= 32; n++)
        {
            var candidate = n == 1 ? folder : $"{folder.TrimEnd(Path.DirectorySeparatorChar)}-{n}";
            System.IO.Directory.CreateDirectory(candidate);
            FileStream owner;
            try
            {
                owner = new FileStream(Path.Combine(candidate, OwnerLockFile), FileMode.OpenOrCreate,
                    FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                continue;
            }
            try { return new EvidenceIndex(candidate, owner); }
            catch { owner.Dispose(); throw; }
        }
        throw new DomainRuleException(
            $"检索索引目录 {folder} 及其后备目录都被其他进程占用：请用 Luoshi__IndexPath 指定本进程的索引目录。");
    }

    private const string OwnerLockFile = "luoshi-index.lock";

    public EvidenceIndex(string indexDirectory)
    {
        Folder = indexDirectory;
        System.IO.Directory.CreateDirectory(indexDirectory);
        _directory = new PreadDirectory(indexDirectory);
        var bigrams = new CJKAnalyzer(Version);
        _analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(Version), new Dictionary<string, Analyzer>
        {
            [EvidenceFields.TitleBigrams] = bigrams,
            [EvidenceFields.TextBigrams] = bigrams,
        });
        _writer = new IndexWriter(_directory,
            new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _writer.Commit(); // an empty new index must be openable by the searcher
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _queries = new QueryBuilder(_analyzer);
        WarmUp();
    }

    // Set by every change, cleared by the search that makes the changes visible: a change is searchable from the
    // next search on, without reopening the reader after every change (which wrote a one-document segment per file
    // and was most of the cost of ingesting; bench, 2026-11-25).
    private volatile bool _changed;

    public void Upsert(IndexedEvidence evidence)
    {
        _writer.UpdateDocument(EvidenceFields.IdTerm(evidence.EvidenceId), EvidenceFields.ToDocument(evidence));
        _changed = true;
    }

    public void Delete(int evidenceId)
    {
        _writer.DeleteDocuments(EvidenceFields.IdTerm(evidenceId));
        _changed = true;
    }

    public void DeleteAll()
    {
        _writer.DeleteAll();
        _changed = true;
    }

    /// <summary>Makes the changes durable (only a commit survives a crash) and visible to searches.</summary>
    public void Commit()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private const string FollowedKey = "luoshi.evidence-changes";

    /// <summary>
    /// Where the store stood when this index last reflected all of it (in the commit data): the change log's cursor
    /// on a shared store, the highest evidence revision on the embedded one; null when never recorded.
    /// </summary>
    public long? FollowedUpTo =>
        _writer.CommitData is { } data && data.TryGetValue(FollowedKey, out var text)
        && long.TryParse(text, out var value)
            ? value : null;

    /// <summary>Commits, recording in the same commit where the store stood (<see cref="FollowedUpTo"/>).</summary>
    public void Commit(long followedUpTo)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [FollowedKey] = followedUpTo.ToString(CultureInfo.InvariantCulture),
        });
        Commit();
    }

    public int Count => WithSearcher(s => s.IndexReader.NumDocs);

    /// <summary>The evidence ids the index holds, read segment by segment (deleted documents left out).</summary>
    public IReadOnlySet<int> AllIds() => WithSearcher(searcher =>
    {
        var ids = new HashSet<int>();
        var fields = new HashSet<string> { EvidenceFields.Id };
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
                if (live is null || live.Get(doc))
                    ids.Add(int.Parse(reader.Document(doc, fields).Get(EvidenceFields.Id), CultureInfo.InvariantCulture));
        }
        return ids;
    });

    public SearchResult Search(SearchQuery query) => WithSearcher(searcher => new IndexSearch(searcher, _queries, query).Run());

    /// <summary>A whole text with every occurrence of the query's terms wrapped in \u0001…\u0002 (the evidence page).</summary>
    public static string HighlightText(string text, string queryText) => Snippets.MarkAll(text, QueryTerms.Parse(queryText));

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        if (_changed)
        {
            _changed = false; // before the refresh: a change made during it sets the flag again
            _searchers.MaybeRefreshBlocking();
        }
        var searcher = _searchers.Acquire();
        try { return work(searcher); }
        finally { _searchers.Release(searcher); }
    }

    private static readonly Lazy<Task> Warming = new(() => Task.Run(() =>
    {
        using var analyzer = new SmartChineseAnalyzer(Version);
        using var stream = analyzer.GetTokenStream(EvidenceFields.TextWords, "建立健全推进工作落实长效机制");
        stream.Reset();
        while (stream.IncrementToken()) { }
        stream.End();
    }));

    /// <summary>
    /// SmartCn loads its dictionaries (and ICU its sentence rules) on first use, ~0.4 s of one core: started on another
    /// thread when the process starts, so that it overlaps with opening the store instead of delaying the first search
    /// or the first page (issue 24). Idempotent; a search that comes first simply waits for the dictionaries.
    /// </summary>
    public static Task WarmUp() => Warming.Value;

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _owner?.Dispose();
    }
}
