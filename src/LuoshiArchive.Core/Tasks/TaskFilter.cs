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
}
