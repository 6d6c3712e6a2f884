namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// One dated progress report (进展) on a task: what was done, how far along, problems met, next steps, and the evidence
/// filed with it. Entries are kept as written; a later entry supersedes, it never edits.
/// </summary>
public sealed class ProgressEntry
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string TaskCode { get; set; } = "";
    /// <summary>The day the progress is reported for (not after the day it was recorded).</summary>
    public DateOnly Date { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Completion estimate in percent (0–100), when the department gave one.</summary>
    public int? Completion { get; set; }
    /// <summary>存在问题</summary>
    public string Problems { get; set; } = "";
    /// <summary>下一步工作</summary>
    public string NextSteps { get; set; } = "";
    /// <summary>Evidence filed with this entry (also in the task's dossier).</summary>
    public List<int> EvidenceIds { get; set; } = [];
    /// <summary>The department that reported: the reporter's own, else the task's lead department.</summary>
    public int? DepartmentId { get; set; }
    /// <summary>Set when the entry answers a supervision order (督办单).</summary>
    public int? SupervisionOrderId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
