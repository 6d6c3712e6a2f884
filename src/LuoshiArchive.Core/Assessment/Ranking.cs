namespace LuoshiArchive.Core.Assessment;

/// <summary>
/// From task scores to the department ranking and the leader areas. A department's score is the weighted average of
/// the tasks it leads: Σ(task score × task weight) ÷ Σ(task weight), rounded to 2 decimals; departments are ranked by
/// score, highest first, and equal scores share a rank (1, 2, 2, 4). A leader area's score is the same average over
/// the tasks the leader supervises.
/// </summary>
public static class Ranking
{
    public static List<DepartmentScore> Departments(IEnumerable<TaskScore> tasks)
    {
        var departments = tasks.Where(t => t.DepartmentId is not null).GroupBy(t => t.DepartmentId!.Value)
            .Select(g => new DepartmentScore
            {
                DepartmentId = g.Key, Name = g.First().Department, Score = WeightedAverage(g), TaskCount = g.Count(),
                WeightSum = g.Sum(t => t.Weight), FailingCount = g.Count(t => t.Failing), AccountabilityCount = g.Sum(t => t.Accountability.Count),
            })
            .OrderByDescending(d => d.Score).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        foreach (var d in departments) d.Rank = 1 + departments.Count(other => other.Score > d.Score);
        return departments;
    }

    public static List<LeaderAreaSummary> Leaders(IEnumerable<TaskScore> tasks) =>
        tasks.GroupBy(t => t.LeaderId)
            .Select(g => new LeaderAreaSummary
            {
                LeaderId = g.Key, Leader = g.Key is null ? "（未定分管委领导）" : g.First().Leader, TaskCount = g.Count(),
                Score = WeightedAverage(g), ExcellentCount = g.Count(t => t.Rating == ResultLevel.Excellent),
                FailingCount = g.Count(t => t.Failing), AccountabilityCount = g.Sum(t => t.Accountability.Count),
            })
            .OrderBy(l => l.LeaderId is null).ThenByDescending(l => l.Score).ThenBy(l => l.Leader, StringComparer.Ordinal).ToList();

    /// <summary>Σ(score × weight) ÷ Σ weight over the tasks, 2 decimals; the plain average when every weight is 0.</summary>
    public static decimal WeightedAverage(IEnumerable<TaskScore> tasks)
    {
        var list = tasks.ToList();
        if (list.Count == 0) return 0;
        var weights = list.Sum(t => t.Weight);
        var value = weights == 0 ? list.Average(t => t.Score) : list.Sum(t => t.Score * t.Weight) / weights;
        return TaskScoring.Round(value, 2);
    }
}
