using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>The records of the dossiers (一事一档): evidence metadata; the files themselves are blobs.</summary>
public interface IEvidenceStore : IAuditStore
{
    /// <summary>Evidence, unique by SHA-256 of the content.</summary>
    IRecords<Evidence> Evidence { get; }

    /// <summary>Every piece of evidence linked to the task, removed ones included.</summary>
    IEnumerable<Evidence> FindLinkedTo(int taskId);

    /// <summary>Changes whenever evidence is written (and after every transaction): what caches of evidence key on.</summary>
    long EvidenceVersion { get; }

    /// <summary>Call after writing evidence, once the write is committed.</summary>
    void EvidenceChanged();
}
