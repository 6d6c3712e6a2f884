namespace LuoshiArchive.Core.Assessment;

/// <summary>What a late deduction is counted per: each day late, or each week (or part of a week) late.</summary>
public enum LateUnit
{
    /// <summary>按天</summary>
    Day,
    /// <summary>按周（不足一周按一周）</summary>
    Week,
}
