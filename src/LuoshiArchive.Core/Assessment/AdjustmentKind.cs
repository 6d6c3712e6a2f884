namespace LuoshiArchive.Core.Assessment;

/// <summary>Why the office adds or deducts points outside the milestones and the rating (加减分事项).</summary>
public enum AdjustmentKind
{
    /// <summary>受到表扬 (e.g. 通报表扬, a municipal leader's praise)</summary>
    Commended,
    /// <summary>受到批评 (e.g. 通报批评)</summary>
    Criticised,
    /// <summary>其他</summary>
    Other,
}
