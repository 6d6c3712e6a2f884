using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Tasks;

/// <summary>The records of the task registry (任务清单), and what it needs to know of the dossiers.</summary>
public interface ITaskStore : IAuditStore
{
    /// <summary>Key tasks, unique by code.</summary>
    IRecords<KeyTask> Tasks { get; }

    /// <summary>Every change of a task, written in the same transaction as the change.</summary>
    IRecords<TaskHistoryEntry> TaskHistory { get; }

    /// <summary>
    /// Pieces of evidence (not removed) filed in each task's dossier, by task id; a rendition (the PDF of an issued DOCX)
    /// is counted with its document, not again.
    /// </summary>
    Dictionary<int, int> CountEvidenceByTask();

    /// <summary>Whether the evidence exists, is not removed, and is filed in the task's dossier.</summary>
    bool IsEvidenceFiledIn(int evidenceId, int taskId);

    /// <summary>Changes whenever evidence is written (and after every transaction): what caches of evidence key on.</summary>
    long EvidenceVersion { get; }

    /// <summary>Call after writing evidence, once the write is committed.</summary>
    void EvidenceChanged();
}
