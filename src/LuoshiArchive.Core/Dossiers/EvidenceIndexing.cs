using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// Keeps the search index a faithful copy of the store: what a piece of evidence is indexed with (its tasks' codes,
/// years, list kinds and lead departments), catching up at start-up, and the full rebuild.
/// </summary>
/// <remarks>
/// The index's commit data records where the store stood when the index last reflected all of it
/// (<see cref="EvidenceIndex.FollowedUpTo"/>), so a start on an unchanged store reads nothing but that mark. On the
/// embedded store the mark is the highest <see cref="Evidence.Revision"/>: a commit records it only when every write
/// this process made is indexed (a revision is handed out before its write and cleared when the evidence is
/// indexed), so a crash between the two leaves the mark behind and the next start indexes what came after it.
/// </remarks>
public sealed class EvidenceIndexing(IEvidenceStore store, IBlobStore blobs, EvidenceIndex index,
    OrganisationDirectory directory) : IDisposable
{
    private const int CommitEveryAdds = 200;
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(5);
    private readonly Lock _commit = new();
    private readonly Lock _applying = new();
    private DateTime _lastCommit = DateTime.UtcNow;
    private int _sinceCommit;

    private readonly Lock _revisions = new();
    private readonly HashSet<long> _unindexed = [];
    private long _lastRevision = -1;
    private long _storedMark = -1;
    private int _holds;
    private bool _incomplete;

    private bool HasRecordedStore => index.FollowedUpTo is not null;

    /// <summary>
    /// The revision for a write about to happen (call it before writing): larger than any in the store, and "not yet
    /// indexed" until <see cref="Index"/>, <see cref="Reindex"/>, <see cref="Apply"/> or <see cref="Remove"/> sees the
    /// evidence with it.
    /// </summary>
    public long NextRevision()
    {
        lock (_revisions)
        {
            if (_lastRevision < 0) _lastRevision = _storedMark = store.IsShared ? 0 : store.EvidenceChangeCursor();
            _lastRevision = Math.Max(DateTime.UtcNow.Ticks, _lastRevision + 1);
            if (_holds == 0) _unindexed.Add(_lastRevision);
            return _lastRevision;
        }
    }

    /// <summary>
    /// For a bulk write that indexes by catching up at its end (a bundle import): while held, no commit records the
    /// store as reflected. Complete it once caught up; disposed without that, this process records no mark any more.
    /// </summary>
    public BulkWrite Hold()
    {
        lock (_revisions) _holds++;
        return new BulkWrite(this);
    }

    public sealed class BulkWrite(EvidenceIndexing owner) : IDisposable
    {
        private bool _completed, _disposed;

        public void Complete() => _completed = true;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            lock (owner._revisions)
            {
                owner._holds--;
                if (!_completed) owner._incomplete = true;
            }
        }
    }

    private void Indexed(Evidence evidence)
    {
        lock (_revisions)
        {
            _unindexed.Remove(evidence.Revision);
            // Indexed after its write committed: the store holds this revision.
            if (_storedMark >= 0) _storedMark = Math.Max(_storedMark, evidence.Revision);
        }
    }

    private bool EveryWriteIndexed
    {
        get { lock (_revisions) return _unindexed.Count == 0 && _holds == 0 && !_incomplete; }
    }

    /// <summary>
    /// Indexes one new piece of evidence; the next search finds it. The durable commit (an fsync) is batched: the
    /// store already holds the evidence, and start-up indexes whatever a crash left out (<see cref="Repair"/>).
    /// </summary>
    public void Index(Evidence evidence, string text) => IndexOne(evidence, () => ToIndexed(evidence, text));

    /// <summary>
    /// Indexes new evidence filed in the same <paramref name="tasks"/> (a batch), on two threads, as
    /// <see cref="Index(Evidence, string)"/> does one; the tasks and their departments are read from the store once,
    /// not per document while another batch's transaction holds the store.
    /// </summary>
    public void IndexBatch(IReadOnlyList<(Evidence Evidence, string Text)> added, IReadOnlyList<Tasks.KeyTask> tasks)
    {
        var tasksById = tasks.ToDictionary(t => t.Id);
        var departments = tasks.Select(t => t.LeadDepartmentId).Distinct()
            .ToDictionary(id => id ?? 0, id => directory.DepartmentName(id));
        Parallel.ForEach(added, new ParallelOptions { MaxDegreeOfParallelism = 2 }, a =>
            IndexOne(a.Evidence, () => ToIndexed(a.Evidence, a.Text, tasksById, id => departments[id ?? 0])));
    }

    private void IndexOne(Evidence evidence, Func<IndexedEvidence> document)
    {
        // A rendition (the PDF of an issued DOCX) has the same text: search finds the document once, by its main file.
        if (evidence.RenditionOf is null) index.Upsert(document());
        Indexed(evidence);
        if (evidence.RenditionOf is not null) return;
        lock (_commit)
        {
            if (++_sinceCommit >= CommitEveryAdds || DateTime.UtcNow - _lastCommit > CommitEvery) CommitNow();
        }
    }

    /// <summary>Re-indexes changed metadata or links and commits: repair compares ids, so a change must not wait.</summary>
    public void Reindex(Evidence evidence, string text)
    {
        if (evidence.RenditionOf is not null) index.Delete(evidence.Id);
        else index.Upsert(ToIndexed(evidence, text));
        Indexed(evidence);
        lock (_commit) CommitNow();
    }

    /// <summary>Writes one piece of evidence into the index without committing (the caller commits a batch).</summary>
    public void Apply(Evidence evidence, string text)
    {
        if (evidence.RenditionOf is not null) index.Delete(evidence.Id);
        else index.Upsert(ToIndexed(evidence, text));
        Indexed(evidence);
    }

    /// <summary>Takes removed evidence out of the index, durably.</summary>
    public void Remove(Evidence evidence)
    {
        index.Delete(evidence.Id);
        Indexed(evidence);
        lock (_commit) CommitNow();
    }

    /// <summary>
    /// Commits; on the embedded store also records where the store stands, if every write of this process is indexed
    /// (<see cref="MarkToRecord"/>). On a shared store the follower records the change log's cursor.
    /// </summary>
    private void CommitNow()
    {
        if (MarkToRecord() is { } mark) index.Commit(followedUpTo: mark);
        else index.Commit();
        _lastCommit = DateTime.UtcNow;
        _sinceCommit = 0;
    }

    /// <summary>
    /// Applies the evidence changed since the recorded mark (another node's uploads on a shared store; on the
    /// embedded one, what a crash left out) and records the new mark; with no mark yet (a new or older index), compares
    /// every id instead (<see cref="Repair"/>). Returns how many pieces of evidence it touched.
    /// </summary>
    public int CatchUp(IProgress<(int Done, int Total)>? progress = null)
    {
        lock (_applying)
        {
            if (index.FollowedUpTo is not { } cursor) return RepairHeld(progress);
            var changes = store.EvidenceChangesSince(cursor);
            if (changes.Cursor == cursor) return 0;
            foreach (var id in changes.EvidenceIds)
            {
                if (store.Evidence.FindById(id) is { IsRemoved: false } evidence)
                    Apply(evidence, blobs.ReadText(evidence.Sha256));
                else index.Delete(id);
            }
            lock (_commit) index.Commit(followedUpTo: changes.Cursor);
            // Evidence changed that this process did not see written: its task list counts are stale too.
            if (changes.EvidenceIds.Count > 0) store.EvidenceChanged();
            return changes.EvidenceIds.Count;
        }
    }

    /// <summary>
    /// Commits what is pending, recording the store's mark when this process wrote evidence and indexed all of it.
    /// The store may be closed already: on the embedded store (one writer) the mark is the highest revision this
    /// process saw stored, kept in memory.
    /// </summary>
    public void Dispose()
    {
        lock (_commit)
            if (MarkToRecord() is { } mark) index.Commit(followedUpTo: mark);
    }

    /// <summary>
    /// On the embedded store, once this process has written evidence and indexed every write: the highest revision
    /// it saw stored (one process writes the file, so that is the store's), read in memory and in the same lock as the
    /// check, so no query runs on a commit and the store may be closed already. Null otherwise.
    /// </summary>
    private long? MarkToRecord()
    {
        if (store.IsShared) return null;
        lock (_revisions)
            return _storedMark >= 0 && _unindexed.Count == 0 && _holds == 0 && !_incomplete ? _storedMark : null;
    }

    /// <summary>
    /// Evidence the store has and the index misses, and evidence the index has that the store no longer has (removed
    /// or never stored), by id.
    /// </summary>
    public (IReadOnlyList<int> Missing, IReadOnlyList<int> Extra) Compare()
    {
        var indexed = index.AllIds();
        // A rendition (the PDF of an issued DOCX) is found through its original: it is not indexed on its own.
        var stored = store.Evidence.Find(e => e.Removal == null && e.RenditionOf == null).Select(e => e.Id).ToHashSet();
        return (stored.Where(id => !indexed.Contains(id)).Order().ToList(), indexed.Where(id => !stored.Contains(id)).Order().ToList());
    }

    /// <summary>
    /// Adds what the index misses and removes what the store no longer has, comparing every id (for an index that
    /// has recorded no mark, and for <c>luoshi check</c>); records the store's mark when the index had none.
    /// </summary>
    public int Repair(IProgress<(int Done, int Total)>? progress = null)
    {
        lock (_applying) return RepairHeld(progress);
    }

    private int RepairHeld(IProgress<(int Done, int Total)>? progress)
    {
        // Read before the store is: a change after it is caught up with later. A recorded mark is kept: moving it on
        // would skip changes to evidence the index already holds, which comparing ids cannot see.
        var mark = store.EvidenceChangeCursor();
        var (missing, extra) = Compare();
        foreach (var id in extra) index.Delete(id);
        IndexAll(missing, progress);
        if (!HasRecordedStore) RecordMark(mark);
        return missing.Count + extra.Count;
    }

    public int Rebuild(IProgress<(int Done, int Total)>? progress = null)
    {
        lock (_applying)
        {
            var mark = store.EvidenceChangeCursor();
            index.DeleteAll();
            var ids = store.Evidence.Find(e => e.Removal == null && e.RenditionOf == null).Select(e => e.Id).ToList();
            IndexAll(ids, progress);
            RecordMark(mark);
            return ids.Count;
        }
    }

    private void RecordMark(long mark)
    {
        lock (_commit)
            if (store.IsShared || EveryWriteIndexed) index.Commit(followedUpTo: mark);
    }

    private void IndexAll(IReadOnlyList<int> ids, IProgress<(int Done, int Total)>? progress)
    {
        const int commitEvery = 500;
        var tasksById = store.Tasks.FindAll().ToDictionary(t => t.Id);
        for (var i = 0; i < ids.Count; i++)
        {
            var evidence = store.Evidence.FindById(ids[i]);
            if (evidence is { IsRemoved: false }) index.Upsert(ToIndexed(evidence, blobs.ReadText(evidence.Sha256), tasksById));
            if ((i + 1) % commitEvery == 0) index.Commit();
            progress?.Report((i + 1, ids.Count));
        }
        index.Commit();
    }

    private IndexedEvidence ToIndexed(Evidence evidence, string text) =>
        ToIndexed(evidence, text, evidence.Links.Select(l => store.Tasks.FindById(l.TaskId)).OfType<Tasks.KeyTask>()
            .ToDictionary(t => t.Id));

    private IndexedEvidence ToIndexed(Evidence evidence, string text, IReadOnlyDictionary<int, Tasks.KeyTask> tasksById,
        Func<int?, string>? departmentName = null)
    {
        departmentName ??= directory.DepartmentName;
        var linked = evidence.Links.Select(l => tasksById.GetValueOrDefault(l.TaskId)).OfType<Tasks.KeyTask>().ToList();
        return new IndexedEvidence(
            evidence.Id, evidence.Title, evidence.Number, evidence.Date, evidence.Kind.ToString(),
            linked.Select(t => t.Code).ToList(),
            linked.Select(t => t.Year).Distinct().ToList(),
            linked.Select(t => t.ListKind.ToString()).Distinct().ToList(),
            linked.Select(t => departmentName(t.LeadDepartmentId)).Where(n => n.Length > 0).Distinct().ToList(),
            evidence.Author, text);
    }
}
