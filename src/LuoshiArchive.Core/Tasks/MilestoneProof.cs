namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// What proves a milestone done: evidence already filed in the task's dossier, or the explicit promise that it will
/// follow (佐证材料后补), which keeps the step flagged until evidence is supplied.
/// </summary>
public sealed record MilestoneProof(IReadOnlyList<int> EvidenceIds, bool EvidenceToFollow)
{
    public static MilestoneProof ToFollow { get; } = new([], EvidenceToFollow: true);

    public static MilestoneProof By(params int[] evidenceIds) => new(evidenceIds, EvidenceToFollow: false);
}
