using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// A leader's own area (分管): the leader account is linked to its person (<see cref="UserAccount.PersonId"/>, a
/// 分管委领导), and the area is the tasks that name that person as supervising leader. What a leader may do only for
/// themselves (their quarterly report; on tasks of their area) is decided from here.
/// </summary>
public static class LeaderArea
{
    /// <summary>The 分管委领导 (person id) a leader account speaks for; null for other roles and an unlinked leader.</summary>
    public static int? LeaderOf(Actor actor) => actor.Role == UserRole.Leader ? actor.PersonId : null;

    /// <summary>Whether <paramref name="actor"/> is the leader account of the 分管委领导 <paramref name="leaderId"/>.</summary>
    public static bool IsLeader(Actor actor, int leaderId) => LeaderOf(actor) == leaderId;

    /// <summary>Whether the task is in the area of the leader account <paramref name="actor"/>.</summary>
    public static bool Covers(Actor actor, KeyTask task) =>
        LeaderOf(actor) is { } leader && task.SupervisingLeaderId == leader;

    /// <summary>The tasks of a year the leader account supervises; empty for other actors and an unlinked leader.</summary>
    public static IReadOnlyList<TaskListItem> TasksOf(TaskRegistry tasks, Actor actor, int year) =>
        LeaderOf(actor) is { } leader ? tasks.List(new TaskFilter { Year = year, SupervisingLeaderId = leader }) : [];

    /// <summary>Why <paramref name="actor"/> (a leader account) may not <paramref name="what"/> on a task outside their area.</summary>
    public static string Outside(Actor actor, KeyTask task, string what) => LeaderOf(actor) is null
        ? $"您的账户尚未关联分管委领导，不能{what}：请管理员在“账号”中为本账户选择对应的分管委领导。"
        : $"任务“{task.Code}”不在您分管的范围内（其分管委领导不是您本人），不能{what}；如需督办请交办公室办理。";
}
