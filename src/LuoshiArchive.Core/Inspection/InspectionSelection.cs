namespace LuoshiArchive.Core.Inspection;

/// <summary>What an inspection covers: a department's tasks, a leader's area, or chosen tasks (all within a year).</summary>
public sealed record InspectionSelection
{
    public int? Year { get; init; }
    public int? DepartmentId { get; init; }
    public int? SupervisingLeaderId { get; init; }
    public IReadOnlyList<string> TaskCodes { get; init; } = [];
    /// <summary>Which gaps are flagged (the office's choice on the page).</summary>
    public IReadOnlySet<InspectionGap> Gaps { get; init; } = InspectionGaps.Default;

    public bool IsEmpty => DepartmentId is null && SupervisingLeaderId is null && TaskCodes.Count == 0;
}
