namespace LuoshiArchive.Core.Supervision;

/// <summary>Where a supervision order (督办单) stands on a given day.</summary>
public enum SupervisionOrderState
{
    /// <summary>待回复: issued, not answered, not yet due.</summary>
    Open,
    /// <summary>已回复: the department replied with a progress entry.</summary>
    Answered,
    /// <summary>已逾期: past its date without a reply.</summary>
    Overdue,
    /// <summary>已撤回: withdrawn by the office (or the leader who may issue it) before a reply, with a reason.</summary>
    Withdrawn,
}
