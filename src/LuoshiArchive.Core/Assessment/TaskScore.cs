using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// One task's assessment (逐项考核): its weight, the points for its time nodes, its rating and adjustments, and the
/// lines that explain every figure. Stored as part of a closed year's results, so it holds names, not only ids.
/// </summary>
public sealed class TaskScore
{
    public int TaskId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int? DepartmentId { get; set; }
    public string Department { get; set; } = "";
    public int? LeaderId { get; set; }
    public string Leader { get; set; } = "";
    public TaskListKind ListKind { get; set; }
    public TaskSource Source { get; set; }
    public DateOnly AddedOn { get; set; }
    /// <summary>Share of the year the task was on a list (1 for tasks there from 1 January).</summary>
    public decimal ProRate { get; set; }
    /// <summary>List-kind weight × source weight × pro-rate, rounded to 4 decimals.</summary>
    public decimal Weight { get; set; }
    public decimal TimelinessPoints { get; set; }
    public decimal ResultPoints { get; set; }
    public decimal AdjustmentPoints { get; set; }
    /// <summary>The task's score, rounded to 2 decimals (never below 0).</summary>
    public decimal Score { get; set; }
    public ResultLevel? Rating { get; set; }
    public int NodesOnTime { get; set; }
    public int NodesLate { get; set; }
    public int NodesPending { get; set; }
    public bool CompletedOnTime { get; set; }
    /// <summary>Below the pass line, or rated 不合格.</summary>
    public bool Failing { get; set; }
    /// <summary>The accountability entries (问责), one line each.</summary>
    public List<string> Accountability { get; set; } = [];
    /// <summary>Why the score is what it is: weight, each node, rating, each adjustment, the total.</summary>
    public List<string> Explanation { get; set; } = [];
}
