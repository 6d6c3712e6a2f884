using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// Which tasks an actor may read, decided in one place for every listing, export and download. It reads
/// <see cref="LuoshiOptions.DepartmentUsersReadAll"/> once, here; everything else asks this policy. Where it is not asked
/// (<see cref="Access.Allows(Actor, Permission, ITaskScope)"/> alone), a department user reads only their own department's tasks: access fails closed.
/// With departments closed, a department user sees nothing of another department's tasks, not even their titles.
/// </summary>
public sealed class ReadAccess(LuoshiOptions options, TaskRegistry tasks)
{
    /// <summary>Whether <paramref name="actor"/> reads every task (all roles but department users, unless departments are closed).</summary>
    public bool ReadsEveryTask(Actor actor) => actor.Role != UserRole.DepartmentUser || options.DepartmentUsersReadAll;

    public bool MayRead(Actor actor, KeyTask task) => ReadsEveryTask(actor) || Access.Allows(actor, Permission.ReadTask, task);

    /// <summary>Throws <see cref="AccessDeniedException"/> (audited) unless <paramref name="actor"/> may read the task.</summary>
    public void Demand(Actor actor, KeyTask task)
    {
        if (!MayRead(actor, task)) Access.Demand(actor, Permission.ReadTask, tasks.AuditTrail, task);
    }

    /// <summary>May <paramref name="actor"/> read a department's own records (its self-checks, its rows in a ranking)?</summary>
    public bool MayReadDepartment(Actor actor, int departmentId) => ReadsEveryTask(actor) || actor.DepartmentId == departmentId;

    /// <summary>Throws <see cref="AccessDeniedException"/> (audited) unless <paramref name="actor"/> may read the department's records.</summary>
    public void DemandDepartment(Actor actor, int departmentId)
    {
        if (MayReadDepartment(actor, departmentId)) return;
        tasks.AuditTrail.Record(actor.Name, "access.denied", $"处室 {departmentId}", "无权查看其他处室的材料");
        throw new AccessDeniedException("您只能查看本处室的材料。");
    }

    /// <summary>The task as <paramref name="actor"/> may see it: null when it does not exist, refused when not theirs to read.</summary>
    public KeyTask? Read(string code, Actor actor)
    {
        var task = tasks.Find(code);
        if (task is not null) Demand(actor, task);
        return task;
    }

    /// <summary>The ids of the tasks <paramref name="actor"/> may read, or null when they read every task.</summary>
    public IReadOnlySet<int>? ReadableTaskIds(Actor actor) =>
        ReadsEveryTask(actor) ? null
            : tasks.List(new TaskFilter()).Where(i => MayRead(actor, i.Task)).Select(i => i.Task.Id).ToHashSet();

    /// <summary>The codes of the tasks <paramref name="actor"/> may read, or null when they read every task.</summary>
    public IReadOnlySet<string>? ReadableCodes(Actor actor) =>
        ReadsEveryTask(actor) ? null
            : tasks.List(new TaskFilter()).Where(i => MayRead(actor, i.Task)).Select(i => i.Task.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>The task list as <paramref name="actor"/> may see it.</summary>
    public IReadOnlyList<TaskListItem> List(TaskFilter filter, Actor actor) =>
        ReadsEveryTask(actor) ? tasks.List(filter) : tasks.List(filter).Where(i => MayRead(actor, i.Task)).ToList();

    /// <summary>Keeps the items whose task <paramref name="actor"/> may read.</summary>
    public IReadOnlyList<T> Only<T>(IEnumerable<T> items, Func<T, int> taskId, Actor actor) =>
        ReadableTaskIds(actor) is { } ids ? items.Where(i => ids.Contains(taskId(i))).ToList() : items.ToList();
}
