using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>The records of the dossiers (一事一档): evidence metadata; the files themselves are blobs.</summary>
public interface IEvidenceStore : ITaskStore
{
    /// <summary>Evidence, unique by SHA-256 of the content.</summary>
    IRecords<Evidence> Evidence { get; }

    /// <summary>Every piece of evidence linked to the task, removed ones included.</summary>
    IEnumerable<Evidence> FindLinkedTo(int taskId);

    /// <summary>
    /// The evidence that processes sharing the store changed (added, changed, removed) after <paramref name="cursor"/>,
    /// and the cursor to ask with next time: what a web node's own index follows (<see cref="IndexFollower"/>). The
    /// embedded store has one process, which indexes its own changes: nothing to follow.
    /// </summary>
    EvidenceChanges EvidenceChangesSince(long cursor);

    /// <summary>True when other processes write the store too (PostgreSQL): the index follows the change log.</summary>
    bool IsShared { get; }

    /// <summary>
    /// Where the store's evidence stands now, for the search index to keep with its commit. Shared store: the change
    /// log's cursor (every change below it has finished). Embedded store: the highest <see cref="Evidence.Revision"/>
    /// stored (0 when none), so an equal value later means no evidence was written in between.
    /// </summary>
    long EvidenceChangeCursor();
}
