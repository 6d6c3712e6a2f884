namespace LuoshiArchive.Core.Assessment;

/// <summary>A department's score (the weighted average of the tasks it leads) and its rank; ties share a rank.</summary>
public sealed class DepartmentScore
{
    public int DepartmentId { get; set; }
    public string Name { get; set; } = "";
    public decimal Score { get; set; }
    public int Rank { get; set; }
    public int TaskCount { get; set; }
    public decimal WeightSum { get; set; }
    public int FailingCount { get; set; }
    public int AccountabilityCount { get; set; }
}
