namespace LuoshiArchive.Core.Tasks;

/// <summary>Which of the five lists (任务清单) a key task is on.</summary>
public enum TaskListKind
{
    /// <summary>全委综合重点任务清单</summary>
    Comprehensive,
    /// <summary>全委专项重点任务清单</summary>
    Special,
    /// <summary>领导牵头重点任务清单</summary>
    LeaderLed,
    /// <summary>会议议定重点工作清单</summary>
    MeetingDecided,
    /// <summary>处室重点任务清单</summary>
    Department,
}
