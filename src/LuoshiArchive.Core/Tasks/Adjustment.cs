namespace LuoshiArchive.Core.Tasks;

/// <summary>A change of target or schedule (调整) with the leader decision that authorised it and the original values.</summary>
public sealed class Adjustment
{
    public LeaderDecision Decision { get; set; } = new();
    public string TargetBefore { get; set; } = "";
    public string TargetAfter { get; set; } = "";
    public DateOnly? DeadlineBefore { get; set; }
    public DateOnly? DeadlineAfter { get; set; }
    public List<string> ScheduleBefore { get; set; } = [];
    public List<string> ScheduleAfter { get; set; } = [];

    public bool ChangesAnything =>
        TargetBefore != TargetAfter || DeadlineBefore != DeadlineAfter || !ScheduleBefore.SequenceEqual(ScheduleAfter);
}
