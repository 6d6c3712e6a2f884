namespace LuoshiArchive.Core.Tasks;

/// <summary>A dated step of a task's schedule (时间节点).</summary>
public sealed class Milestone
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateOnly Due { get; set; }
    public string Description { get; set; } = "";
    public bool Done { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>Evidence in the task's dossier that proves the step was done (ids of <c>Evidence</c>).</summary>
    public List<int> EvidenceIds { get; set; } = [];
    /// <summary>
    /// Marked done with the proof still to come (佐证材料后补): the step shows as awaiting evidence until some is supplied.
    /// </summary>
    public bool EvidenceToFollow { get; set; }

    /// <summary>Done, but nothing in the dossier is named as its proof yet.</summary>
    public bool AwaitsEvidence => Done && EvidenceIds.Count == 0;

    public bool IsMissed(DateOnly today) => !Done && Due < today;

    /// <summary>Done, but after its due day.</summary>
    public bool WasDoneLate => Done && DoneOn > Due;

    /// <summary>Carries completion and proof over from the same step before an edit or adjustment.</summary>
    internal void KeepCompletionOf(Milestone old)
    {
        (Done, DoneOn, EvidenceToFollow) = (old.Done, old.DoneOn, old.EvidenceToFollow);
        EvidenceIds = [.. old.EvidenceIds];
    }

    public bool IsComingDue(DateOnly today, int days) => !Done && Due >= today && Due <= today.AddDays(days);

    /// <summary>One line as shown in the one-table view and its XLSX: "2018-03-31 完成方案制定 [已完成]".</summary>
    public override string ToString() =>
        $"{Due:yyyy-MM-dd} {Description}" + (Done ? " [已完成]" : "");
}
