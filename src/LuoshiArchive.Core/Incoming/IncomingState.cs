namespace LuoshiArchive.Core.Incoming;

/// <summary>Where a received item stands; the CLI writes the lower-case English name.</summary>
public enum IncomingState
{
    /// <summary>待拟办: registered, the office's 拟办意见 not yet written.</summary>
    Registered,
    /// <summary>待批示: 拟办意见 written, waiting for a leader's 批示.</summary>
    Proposed,
    /// <summary>已批示（待交办）</summary>
    Instructed,
    /// <summary>已交办: tasks created or attached.</summary>
    Assigned,
    /// <summary>已办结: its tasks completed and the 办理结果 recorded.</summary>
    Done,
    /// <summary>逾期: past its deadline and not done.</summary>
    Overdue,
}
