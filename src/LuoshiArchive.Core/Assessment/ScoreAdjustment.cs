namespace LuoshiArchive.Core.Assessment;

/// <summary>A bonus (positive) or deduction (negative) on one task's score, with its reason (加减分事项).</summary>
public sealed class ScoreAdjustment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string TaskCode { get; set; } = "";
    public int Year { get; set; }
    public AdjustmentKind Kind { get; set; }
    /// <summary>Signed points: +3 for a bonus, −3 for a deduction.</summary>
    public decimal Points { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The circular or instruction it rests on, e.g. "津教委〔2018〕5号"; may be empty.</summary>
    public string Document { get; set; } = "";
    public DateOnly RecordedOn { get; set; }
    public string RecordedBy { get; set; } = "";
}
