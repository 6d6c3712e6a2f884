namespace LuoshiArchive.Core.Assessment;

/// <summary>The tasks of one supervising leader's area (分管领域): count, weighted average score, best and failing.</summary>
public sealed class LeaderAreaSummary
{
    public int? LeaderId { get; set; }
    public string Leader { get; set; } = "";
    public int TaskCount { get; set; }
    public decimal Score { get; set; }
    public int ExcellentCount { get; set; }
    public int FailingCount { get; set; }
    public int AccountabilityCount { get; set; }
}
