using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core;

/// <summary>
/// What every engine computes the same way over its records, so an engine implements only how records are kept: the
/// task list's evidence counts, a dossier membership check, a department's name, and the evidence version that the
/// counts are cached under.
/// </summary>
public abstract class LuoshiStoreBase
{
    private long _evidenceVersion;

    protected abstract IRecords<Evidence> EvidenceRecords { get; }

    protected abstract IRecords<Department> DepartmentRecords { get; }

    /// <summary>Pieces of evidence in each task's dossier (removed ones and renditions left out), by task id.</summary>
    public Dictionary<int, int> CountEvidenceByTask() =>
        EvidenceLinks.CountByTask(EvidenceRecords.Find(e => e.Removal == null && e.RenditionOf == null));

    public bool IsEvidenceFiledIn(int evidenceId, int taskId) =>
        EvidenceLinks.IsFiledIn(EvidenceRecords.FindById(evidenceId), taskId);

    public string? DepartmentName(int departmentId) => DepartmentRecords.FindById(departmentId)?.Name;

    /// <summary>
    /// Changes whenever evidence is written by this process, after every transaction, and when this process learns
    /// of another's evidence change (the index follower): what caches of evidence key on.
    /// </summary>
    public long EvidenceVersion => Interlocked.Read(ref _evidenceVersion);

    /// <summary>Call after writing evidence, once the write is committed.</summary>
    public void EvidenceChanged() => Interlocked.Increment(ref _evidenceVersion);
}
