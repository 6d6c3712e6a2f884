namespace LuoshiArchive.Core.Supervision;

/// <summary>What reconciliation (对账) flags on a task for a period.</summary>
public enum ReconciliationFlagKind
{
    /// <summary>本期无进展: no progress entry dated in the period.</summary>
    NoProgress,
    /// <summary>节点未按期完成: a milestone due in the period not done, or done after its date.</summary>
    MilestoneMissed,
    /// <summary>缺佐证材料: a step or the task reported done without evidence.</summary>
    EvidenceMissing,
}
