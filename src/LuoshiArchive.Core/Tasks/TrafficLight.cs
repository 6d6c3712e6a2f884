namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// The list page's signal: green on track; yellow when a milestone or the deadline falls within
/// <see cref="KeyTask.WarningDays"/> days or a milestone was missed; red when the deadline has passed unfinished.
/// </summary>
public enum TrafficLight
{
    Green,
    Yellow,
    Red,
}
