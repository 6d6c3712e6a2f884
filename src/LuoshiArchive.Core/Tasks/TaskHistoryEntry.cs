namespace LuoshiArchive.Core.Tasks;

/// <summary>One change to a task: who, when, what (field by field), kept forever. Adjustments carry their decision.</summary>
public sealed class TaskHistoryEntry
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public TaskChangeKind Kind { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
    public Adjustment? Adjustment { get; set; }
    /// <summary>The leader decision behind a 撤销, 暂缓 or 恢复.</summary>
    public LeaderDecision? Decision { get; set; }
    /// <summary>The proof and confirmation behind a 办结.</summary>
    public TaskClosure? Closure { get; set; }
    /// <summary>The 委领导's 批示 of an <see cref="TaskChangeKind.Instruction"/> entry.</summary>
    public TaskInstruction? Instruction { get; set; }
}

public enum TaskChangeKind
{
    Created,
    Edited,
    Adjusted,
    MilestoneDone,
    MilestoneReopened,
    Imported,
    /// <summary>办结: with its proof and the lead department head's confirmation.</summary>
    Completed,
    /// <summary>撤销, 暂缓 and 恢复: each by a leader decision.</summary>
    Cancelled,
    Paused,
    Resumed,
    /// <summary>The office reopened a completed task.</summary>
    Reopened,
    /// <summary>The office hung the task under another task, or took it out of its tree.</summary>
    Moved,
    /// <summary>A 委领导's 批示 on the task (no field changes).</summary>
    Instruction,
    /// <summary>年度结转: carried into the next year (on the old task), or continuing last year's (on the new one).
    /// </summary>
    CarriedOver,
}

/// <summary>One field's value before and after a change; <see cref="Field"/> is the Chinese column name.</summary>
public sealed record FieldChange(string Field, string Before, string After);
