namespace LuoshiArchive.Core.Inspection;

/// <summary>A kind of gap the inspection view can flag on a task; the office chooses which ones count.</summary>
public enum InspectionGap
{
    /// <summary>四明确不完整: a responsible body, target, standard or deadline is missing.</summary>
    Clarities,
    /// <summary>无佐证材料: the dossier is empty.</summary>
    NoEvidence,
    /// <summary>节点已完成但无佐证材料: a step reported done names no evidence in the dossier as its proof.</summary>
    MilestoneWithoutProof,
    /// <summary>无会议纪要: no meeting minutes in the dossier (not every task is discussed in a meeting).</summary>
    NoMinutes,
}

public static class InspectionGaps
{
    /// <summary>What counts unless the office says otherwise: minutes are not expected of every task.</summary>
    public static IReadOnlySet<InspectionGap> Default { get; } =
        new HashSet<InspectionGap> { InspectionGap.Clarities, InspectionGap.NoEvidence, InspectionGap.MilestoneWithoutProof };

    public static IReadOnlyList<InspectionGap> All { get; } = Enum.GetValues<InspectionGap>();

    public static string Label(InspectionGap gap) => gap switch
    {
        InspectionGap.Clarities => "四明确不完整",
        InspectionGap.NoEvidence => "无佐证材料",
        InspectionGap.MilestoneWithoutProof => "节点已完成但未关联佐证材料",
        InspectionGap.NoMinutes => "无会议纪要",
        _ => gap.ToString(),
    };
}
