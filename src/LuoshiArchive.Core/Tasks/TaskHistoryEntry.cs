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
}

public enum TaskChangeKind
{
    Created,
    Edited,
    Adjusted,
    MilestoneDone,
    MilestoneReopened,
    Imported,
}

/// <summary>One field's value before and after a change; <see cref="Field"/> is the Chinese column name.</summary>
public sealed record FieldChange(string Field, string Before, string After);
