using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// Keeps this node's search index in step with evidence that other processes (web nodes, the CLI) change in a shared
/// store: it applies the store's evidence change log from the cursor saved in the index's commit data, at start and
/// then every <see cref="Interval"/>. On the embedded store the log is empty (one process indexes its own changes).
/// </summary>
public sealed class IndexFollower(IEvidenceStore store, IBlobStore blobs, EvidenceIndex index, EvidenceIndexing indexing)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Lock _applying = new();

    /// <summary>Applies what the index has not applied yet; returns how many pieces of evidence it touched.</summary>
    public int CatchUp()
    {
        lock (_applying)
        {
            var cursor = index.FollowedUpTo;
            var changes = store.EvidenceChangesSince(cursor);
            if (changes.Cursor == cursor) return 0;
            foreach (var id in changes.EvidenceIds)
            {
                if (store.Evidence.FindById(id) is { IsRemoved: false } evidence)
                    indexing.Apply(evidence, blobs.ReadText(evidence.Sha256));
                else index.Delete(id);
            }
            index.Commit(followedUpTo: changes.Cursor);
            // Another process changed evidence: this process's task list counts are stale too.
            if (changes.EvidenceIds.Count > 0) store.EvidenceChanged();
            return changes.EvidenceIds.Count;
        }
    }
}
