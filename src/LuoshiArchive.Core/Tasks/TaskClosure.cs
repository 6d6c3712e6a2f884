namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// What a 办结 (completion) rests on: evidence of the result filed in the task's dossier, or the explicit promise that
/// it will follow (佐证材料后补, flagged until supplied), and the lead department head's confirmation.
/// </summary>
public sealed class TaskClosure
{
    public List<int> EvidenceIds { get; set; } = [];
    public bool EvidenceToFollow { get; set; }
    /// <summary>The lead department's 主要负责人 who confirmed the result.</summary>
    public string ConfirmedBy { get; set; } = "";
    public DateOnly ConfirmedOn { get; set; }
    /// <summary>Who recorded the 办结 (the account).</summary>
    public string RecordedBy { get; set; } = "";

    public string Describe() =>
        (EvidenceIds.Count > 0 ? $"佐证材料 {string.Join("、", EvidenceIds)}" : "佐证材料后补")
        + $"；牵头处室主要负责人 {ConfirmedBy} {ConfirmedOn:yyyy-MM-dd} 确认";
}
