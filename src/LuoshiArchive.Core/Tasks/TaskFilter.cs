namespace LuoshiArchive.Core.Tasks;

/// <summary>The task list page's filters; every field is optional.</summary>
public sealed record TaskFilter
{
    public int? Year { get; init; }
    public TaskListKind? ListKind { get; init; }
    public TaskSource? Source { get; init; }
    public int? LeadDepartmentId { get; init; }
    public int? SupervisingLeaderId { get; init; }
    public KeyTaskStatus? Status { get; init; }
    public TrafficLight? Light { get; init; }
    /// <summary>Part of the task name or code.</summary>
    public string? Text { get; init; }
    /// <summary>Tasks with a milestone due in this month (1–12) of the filtered year.</summary>
    public int? MilestoneDueMonth { get; init; }
    /// <summary>Tasks with a milestone marked done in this month (1–12) of the filtered year.</summary>
    public int? MilestoneDoneMonth { get; init; }
    /// <summary>Only these tasks (by code), e.g. the tasks behind a figure on the dashboard.</summary>
    public IReadOnlyList<string>? Codes { get; init; }

    /// <summary>
    /// Does a listed task pass every filter? <see cref="TaskRegistry.List(TaskFilter)"/> filters with this, and so do figures that
    /// count tasks (the dashboard), so a number and the list it links to always agree.
    /// </summary>
    public bool Matches(TaskListItem item)
    {
        var t = item.Task;
        var text = Text?.Trim() ?? "";
        return (Year is null || t.Year == Year)
            && (ListKind is null || t.ListKind == ListKind)
            && (Source is null || t.Source == Source)
            && (LeadDepartmentId is null || t.LeadDepartmentId == LeadDepartmentId)
            && (SupervisingLeaderId is null || t.SupervisingLeaderId == SupervisingLeaderId)
            && (Status is null || t.Status == Status)
            && (Light is null || item.Light == Light)
            && (text.Length == 0 || t.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || t.Code.Contains(text, StringComparison.OrdinalIgnoreCase))
            && (MilestoneDueMonth is not { } due || t.Milestones.Any(m => m.Due.Month == due && (Year is null || m.Due.Year == Year)))
            && (MilestoneDoneMonth is not { } done || t.Milestones.Any(m => m.DoneOn is { } on && on.Month == done && (Year is null || on.Year == Year)))
            && (Codes is null || Codes.Contains(t.Code, StringComparer.Ordinal));
    }
}
