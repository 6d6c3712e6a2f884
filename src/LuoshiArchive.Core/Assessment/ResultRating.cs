namespace LuoshiArchive.Core.Assessment;

/// <summary>A leader's rating of one task's result (完成效果评定). One per task: rating again replaces it.</summary>
public sealed class ResultRating
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string TaskCode { get; set; } = "";
    public int Year { get; set; }
    public ResultLevel Level { get; set; }
    /// <summary>评定意见 (optional).</summary>
    public string Note { get; set; } = "";
    public string RatedBy { get; set; } = "";
    public DateOnly RatedOn { get; set; }
}
