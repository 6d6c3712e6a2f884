namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// A year's (or a period's) assessment: every task's score, the department ranking and the leader areas, with the
/// scheme it was computed with. A closed year's annual result is stored as it was computed (its id is the year).
/// </summary>
public sealed class AssessmentResult
{
    /// <summary>The year, for a stored (closed) result.</summary>
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>Null for the whole year; 1–4 for a quarterly report.</summary>
    public int? Quarter { get; set; }
    /// <summary>The day the nodes were judged on: nodes due later are pending, undone nodes due earlier are late.</summary>
    public DateOnly AsOf { get; set; }
    public ScoringScheme Scheme { get; set; } = new();
    public bool Closed { get; set; }
    public string ClosedBy { get; set; } = "";
    public DateTime? ClosedAt { get; set; }
    public List<TaskScore> Tasks { get; set; } = [];
    public List<DepartmentScore> Departments { get; set; } = [];
    public List<LeaderAreaSummary> Leaders { get; set; } = [];

    /// <summary>"2018年度" or "2018年第二季度".</summary>
    public string PeriodLabel() => Quarter is { } q ? Supervision.ReportingPeriod.OfQuarter(Year, q).Label : $"{Year}年度";
}
