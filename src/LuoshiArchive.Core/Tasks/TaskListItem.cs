namespace LuoshiArchive.Core.Tasks;

/// <summary>A task as the list page and <c>luoshi tasks list</c> show it: the task, its light today and display names.</summary>
public sealed record TaskListItem(
    KeyTask Task,
    TrafficLight Light,
    string LeadDepartment,
    string SupervisingLeader,
    int EvidenceCount,
    TaskRollup? Rollup = null)
{
    /// <summary>
    /// The light shown for the task: its own, or for a parent the worst of its tree (<see cref="TaskTree.RollupRule"/>).
    /// Figures and filters count <see cref="Light"/>, so a late child is counted once, as itself.
    /// </summary>
    public TrafficLight ShownLight => Rollup?.Light ?? Light;
}
