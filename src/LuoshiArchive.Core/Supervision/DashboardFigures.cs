using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>A number on the dashboard and the task filter that lists the tasks behind it (the count is that list's length).</summary>
public sealed record Figure(int Count, TaskFilter Filter);

/// <summary>The year's figures for the home page: by department, by supervising leader, by light, by month, orders.</summary>
public sealed record DashboardFigures(
    int Year,
    DateOnly Today,
    Figure Total,
    IReadOnlyList<DepartmentFigures> Departments,
    IReadOnlyList<LeaderFigures> Leaders,
    IReadOnlyDictionary<TrafficLight, Figure> Lights,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyDictionary<SupervisionOrderState, int> Orders,
    IReadOnlyDictionary<Incoming.IncomingState, int> Incoming);

/// <summary>A lead department's tasks of the year: all, completed, overdue.</summary>
public sealed record DepartmentFigures(int DepartmentId, string Name, Figure Total, Figure Completed, Figure Overdue)
{
    /// <summary>Completed as a whole percentage of all (0 when there are none).</summary>
    public int Percent => Total.Count == 0 ? 0 : (int)Math.Round(100.0 * Completed.Count / Total.Count);
}

/// <summary>A supervising leader's tasks of the year: all, overdue (red), warned (yellow).</summary>
public sealed record LeaderFigures(int LeaderId, string Name, Figure Total, Figure Overdue, Figure Warning);

/// <summary>
/// One month of the year: tasks with a milestone due in it, tasks with a milestone done in it, and tasks with progress
/// reported in it.
/// </summary>
public sealed record MonthFigures(int Month, Figure MilestonesDue, Figure MilestonesDone, Figure Reported);
