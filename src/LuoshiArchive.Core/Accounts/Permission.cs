namespace LuoshiArchive.Core.Accounts;

/// <summary>What an actor may be allowed to do; <see cref="Access"/> holds the role × permission rules.</summary>
public enum Permission
{
    /// <summary>Read a task, its dossier and download its evidence (department users: as configured).</summary>
    ReadTask,
    /// <summary>Create tasks and import the one-table list.</summary>
    CreateTasks,
    /// <summary>Edit a task's fields and mark its milestones (department users: their own department's tasks).</summary>
    EditTask,
    /// <summary>Adjust target or schedule under a leader decision.</summary>
    AdjustTask,
    /// <summary>Add evidence to a task's dossier, correct its details, remove it with a reason.</summary>
    FileEvidence,
    /// <summary>Restore removed evidence.</summary>
    RestoreEvidence,
    /// <summary>Meetings, minutes and decisions.</summary>
    ManageMeetings,
    /// <summary>Draft and issue official documents, allocate and void numbers.</summary>
    IssueDocuments,
    /// <summary>Issue supervision orders and reconcile.</summary>
    Supervise,
    /// <summary>Rate a task's result and score assessments.</summary>
    RateResults,
    /// <summary>Export annual bundles and backups.</summary>
    ExportArchive,
    /// <summary>Import a bundle into the store.</summary>
    ImportArchive,
    /// <summary>Departments, people, accounts and settings.</summary>
    Administer,
    /// <summary>Read the audit trail.</summary>
    ReadAudit,
    /// <summary>Compile, edit and export the quarterly leader report (分管委领导 → 主要负责同志).</summary>
    WriteLeaderReport,
    /// <summary>Record a 撤销, 暂缓 or 恢复 of a task under a leader decision.</summary>
    CancelTask,
    /// <summary>Reopen a completed (办结) task: the office's check on what was closed.</summary>
    ReopenTask,
    /// <summary>Record a leader's 批示 on a received item: the leader on their own account, or the office from paper.</summary>
    RecordInstruction,
    /// <summary>签发 an official document reviewed by the office: a leader on their own account.</summary>
    SignDocuments,
    /// <summary>
    /// Mark tasks as 重大事项 for public disclosure, word their public progress, keep the disclosure metadata.
    /// </summary>
    PublishProgress,
}
