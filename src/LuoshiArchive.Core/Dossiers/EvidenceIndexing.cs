using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// Keeps the search index a faithful copy of the store: what a piece of evidence is indexed with (its tasks' codes,
/// years, list kinds and lead departments), repair at start-up, and the full rebuild.
/// </summary>
public sealed class EvidenceIndexing(IEvidenceStore store, IBlobStore blobs, EvidenceIndex index, OrganisationDirectory directory)
{
    private const int CommitEveryAdds = 200;
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(5);
    private readonly Lock _commit = new();
    private DateTime _lastCommit = DateTime.UtcNow;
    private int _sinceCommit;

    /// <summary>
    /// Indexes one new piece of evidence; the next search finds it. The durable commit (an fsync) is batched: the
    /// store already holds the evidence, and start-up indexes whatever a crash left out (<see cref="Repair"/>).
    /// </summary>
    public void Index(Evidence evidence, string text)
    {
        // A rendition (the PDF of an issued DOCX) has the same text: search finds the document once, by its main file.
        if (evidence.RenditionOf is not null) return;
        index.Upsert(ToIndexed(evidence, text));
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
        lock (_commit) CommitNow();
    }

    /// <summary>Writes one piece of evidence into the index without committing (the caller commits a batch).</summary>
    public void Apply(Evidence evidence, string text) => index.Upsert(ToIndexed(evidence, text));

    /// <summary>Takes removed evidence out of the index, durably.</summary>
    public void Remove(int evidenceId)
    {
        index.Delete(evidenceId);
        lock (_commit) CommitNow();
    }

    private void CommitNow()
    {
        index.Commit();
        _lastCommit = DateTime.UtcNow;
        _sinceCommit = 0;
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

    /// <summary>Adds what the index misses and removes what the store no longer has.</summary>
    public int Repair(IProgress<(int Done, int Total)>? progress = null)
    {
        var (missing, extra) = Compare();
        foreach (var id in extra) index.Delete(id);
        IndexAll(missing, progress);
        return missing.Count + extra.Count;
    }

    public int Rebuild(IProgress<(int Done, int Total)>? progress = null)
    {
        index.DeleteAll();
        var ids = store.Evidence.Find(e => e.Removal == null && e.RenditionOf == null).Select(e => e.Id).ToList();
        IndexAll(ids, progress);
        return ids.Count;
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

    private IndexedEvidence ToIndexed(Evidence evidence, string text, IReadOnlyDictionary<int, Tasks.KeyTask> tasksById)
    {
        var linked = evidence.Links.Select(l => tasksById.GetValueOrDefault(l.TaskId)).OfType<Tasks.KeyTask>().ToList();
        return new IndexedEvidence(
            evidence.Id, evidence.Title, evidence.Number, evidence.Date, evidence.Kind.ToString(),
            linked.Select(t => t.Code).ToList(),
            linked.Select(t => t.Year).Distinct().ToList(),
            linked.Select(t => t.ListKind.ToString()).Distinct().ToList(),
            linked.Select(t => directory.DepartmentName(t.LeadDepartmentId)).Where(n => n.Length > 0).Distinct().ToList(),
            evidence.Author, text);
    }
}
