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
}
