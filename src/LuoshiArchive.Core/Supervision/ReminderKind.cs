namespace LuoshiArchive.Core.Supervision;

/// <summary>What a reminder (催办) is about.</summary>
public enum ReminderKind
{
    /// <summary>时间节点: a milestone not done.</summary>
    Milestone,
    /// <summary>督办单: a supervision order not answered.</summary>
    Order,
    /// <summary>完成时限: the task's own deadline.</summary>
    Deadline,
    /// <summary>来文来件: a received item (e.g. a 建议提案) not done by its deadline (限时办结).</summary>
    Incoming,
}
