using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Tasks;

/// <summary>The records of the task registry (任务清单) and what the services built on tasks read with them.</summary>
public interface ITaskStore : IEvidenceStore
{
    /// <summary>Key tasks, unique by code.</summary>
    IRecords<KeyTask> Tasks { get; }

    /// <summary>Every change of a task, written in the same transaction as the change.</summary>
    IRecords<TaskHistoryEntry> TaskHistory { get; }
}
