namespace LuoshiArchive.Core.Tasks;

/// <summary>Where a key task stands. (Named so it does not clash with System.Threading.Tasks.TaskStatus.)</summary>
public enum KeyTaskStatus
{
    /// <summary>未启动</summary>
    NotStarted,
    /// <summary>推进中</summary>
    InProgress,
    /// <summary>已完成</summary>
    Completed,
    /// <summary>已撤销 (withdrawn by a leader decision)</summary>
    Cancelled,
    /// <summary>暂缓 (suspended by a leader decision; resumed by another)</summary>
    Paused,
}
