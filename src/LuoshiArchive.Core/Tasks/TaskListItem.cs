namespace LuoshiArchive.Core.Tasks;

/// <summary>A task as the list page and <c>luoshi tasks list</c> show it: the task, its light today and display names.</summary>
public sealed record TaskListItem(
    KeyTask Task,
    TrafficLight Light,
    string LeadDepartment,
    string SupervisingLeader,
    int EvidenceCount);
