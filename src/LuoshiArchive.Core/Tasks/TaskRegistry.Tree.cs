using System.Globalization;
using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

// 细化分解，层层压实: a task's child tasks (several levels), their codes, and the rules that keep a tree whole.
public sealed partial class TaskRegistry
{
    /// <summary>Why a department user may not decompose a task: said the same way on the page and in the refusal.</summary>
    public const string ChildRule = "处室只能在本处室牵头的任务下分解子任务，且子任务由本处室牵头；交由其他处室牵头由办公室分解。";

    /// <summary>May <paramref name="actor"/> add a child task under <paramref name="parent"/>?</summary>
    public static bool MayAddChild(Actor actor, KeyTask parent) =>
        Access.Allows(actor, Permission.CreateTasks)
        || (actor.Role == UserRole.DepartmentUser && Access.Allows(actor, Permission.EditTask, parent));

    /// <summary>The direct children of a task, in code order (2018-007-2 before 2018-007-10).</summary>
    public IReadOnlyList<KeyTask> Children(int taskId) =>
        TaskTree.InCodeOrder(store.Tasks.Find(t => t.ParentId == taskId)).ToList();

    /// <summary>The ids of the tasks that have children (of any status).</summary>
    public IReadOnlySet<int> ParentIds() =>
        store.Tasks.FindAll().Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();

    /// <summary>Every task below this one, depth first.</summary>
    public IReadOnlyList<KeyTask> Descendants(int taskId)
    {
        var found = new List<KeyTask>();
        var seen = new HashSet<int> { taskId };
        void Walk(int id)
        {
            foreach (var child in Children(id).Where(c => seen.Add(c.Id)))
            {
                found.Add(child);
                Walk(child.Id);
            }
        }
        Walk(taskId);
        return found;
    }

    /// <summary>The tasks above this one, the top-level task first (the breadcrumb).</summary>
    public IReadOnlyList<KeyTask> Ancestors(KeyTask task)
    {
        var chain = new List<KeyTask>();
        var seen = new HashSet<int> { task.Id };
        for (var id = task.ParentId; id is { } p && seen.Add(p);)
        {
            var parent = store.Tasks.FindById(p);
            if (parent is null) break;
            chain.Insert(0, parent);
            id = parent.ParentId;
        }
        return chain;
    }

    /// <summary>
    /// 细化分解: creates a child task under <paramref name="parentCode"/>. Its code is the parent's plus "-n", its year
    /// the parent's, its deadline not after the parent's; a department user decomposes only what their department
    /// leads, into tasks their department leads (<see cref="ChildRule"/>).
    /// </summary>
    public KeyTask AddChild(string parentCode, TaskDraft draft, Actor actor)
    {
        var parent = Find(parentCode) ?? throw new DomainRuleException($"上级任务“{parentCode}”不存在。");
        if (!MayAddChild(actor, parent))
            throw Access.Refuse(actor, _audit, parent,
                $"您的角色（{ChineseLabels.Of(actor.Role)}）无权在任务“{parent.Code}”下添加子任务：{ChildRule}");
        if (actor.Role == UserRole.DepartmentUser && draft.LeadDepartmentId != actor.DepartmentId)
            throw Access.Refuse(actor, _audit, parent, $"子任务的牵头处室须是本处室：{ChildRule}");
        if (parent.IsSettled)
            throw new DomainRuleException($"上级任务“{parent.Code}”状态为“{ChineseLabels.Of(parent.Status)}”，不能再分解子任务。");
        if (!IsOpeningStatus(draft.Status)) RefuseStatusChange(actor, null, draft.Status);
        draft.Year = parent.Year;
        draft.Code = null;
        CheckDeadlineUnder(parent, draft.Deadline);
        return Insert(draft, actor, TaskChangeKind.Created, closure: null, parent);
    }

    /// <summary>
    /// The office hangs a task under another (or, with no parent, takes it out of its tree). Refused when the new parent
    /// is the task itself or below it (a cycle), in another year, settled, or due before the task.
    /// </summary>
    public KeyTask Move(string code, string? parentCode, Actor actor)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        Access.Demand(actor, Permission.CreateTasks, _audit, task);
        var parent = string.IsNullOrWhiteSpace(parentCode) ? null
            : Find(parentCode) ?? throw new DomainRuleException($"上级任务“{parentCode.Trim()}”不存在。");
        if (parent is not null)
        {
            if (parent.Id == task.Id || Ancestors(parent).Any(a => a.Id == task.Id))
                throw new DomainRuleException($"不能把任务“{task.Code}”挂到“{parent.Code}”下：“{parent.Code}”是它自己或它的子任务，会形成循环。");
            if (parent.Year != task.Year) throw new DomainRuleException("上级任务与子任务须是同一年度的任务。");
            if (parent.IsSettled && !task.IsSettled)
                throw new DomainRuleException($"上级任务“{parent.Code}”状态为“{ChineseLabels.Of(parent.Status)}”，不能挂入未办结的任务。");
            CheckDeadlineUnder(parent, task.Deadline);
        }
        if (task.ParentId == parent?.Id) return task;
        var before = task.ParentId is { } old ? store.Tasks.FindById(old)?.Code ?? "" : "";
        return store.InTransaction(() =>
        {
            task.ParentId = parent?.Id;
            store.Tasks.Update(task);
            Record(task, actor, TaskChangeKind.Moved, [new FieldChange(ParentField, before, parent?.Code ?? "")]);
            return task;
        });
    }

    /// <summary>
    /// The parent links of tasks restored from an annual bundle, by code, in the caller's transaction; a link to a task
    /// not in the store, or links that make a cycle, refuse the import.
    /// </summary>
    internal void RestoreParents(IEnumerable<(string Code, string? ParentCode)> links)
    {
        var linked = new List<KeyTask>();
        foreach (var (code, parentCode) in links.Where(l => !string.IsNullOrEmpty(l.ParentCode)))
        {
            var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
            var parent = Find(parentCode!) ?? throw new DomainRuleException($"任务“{code}”的上级任务“{parentCode}”不在归档包中，未导入。");
            task.ParentId = parent.Id;
            store.Tasks.Update(task);
            linked.Add(task);
        }
        foreach (var task in linked)
            if (InCycle(task)) throw new DomainRuleException($"任务“{task.Code}”的上级任务链形成循环，未导入。");
    }

    /// <summary>Whether following the parent links up from the task comes back to it.</summary>
    private bool InCycle(KeyTask task)
    {
        var seen = new HashSet<int> { task.Id };
        for (var id = task.ParentId; id is { } p;)
        {
            if (!seen.Add(p)) return true;
            id = store.Tasks.FindById(p)?.ParentId;
        }
        return false;
    }

    /// <summary>The name of the parent link in a task's history.</summary>
    internal const string ParentField = "上级任务";

    /// <summary>A child's deadline may not fall after its parent's: the parent could not be done on time.</summary>
    private static void CheckDeadlineUnder(KeyTask parent, DateOnly? deadline)
    {
        if (parent.Deadline is { } limit && deadline is { } d && d > limit)
            throw new DomainRuleException(
                $"子任务的完成时限（{d:yyyy-MM-dd}）不能晚于上级任务“{parent.Code}”的完成时限（{limit:yyyy-MM-dd}）。");
    }

    /// <summary>A new deadline for a task with children may not fall before a child's: adjust the children first.</summary>
    private void CheckDeadlineOverChildren(KeyTask task, DateOnly? deadline)
    {
        if (deadline is not { } limit) return;
        var late = Children(task.Id).Where(c => !c.IsSettled && c.Deadline is { } d && d > limit).Select(c => c.Code).ToList();
        if (late.Count > 0)
            throw new DomainRuleException(
                $"子任务 {string.Join("、", late)} 的完成时限晚于 {limit:yyyy-MM-dd}：请先调整这些子任务，再提前上级任务的时限。");
    }

    /// <summary>The limits a new or changed deadline must keep in a tree: not after the parent's, not before a child's.</summary>
    private void CheckDeadlineInTree(KeyTask task, DateOnly? deadline)
    {
        if (task.ParentId is { } p && store.Tasks.FindById(p) is { } parent) CheckDeadlineUnder(parent, deadline);
        CheckDeadlineOverChildren(task, deadline);
    }

    /// <summary>The open children (not 已完成 or 已撤销) that stop a parent being completed or cancelled.</summary>
    private List<string> OpenChildren(KeyTask task, params KeyTaskStatus[] closedEnough) =>
        Children(task.Id).Where(c => !closedEnough.Contains(c.Status)).Select(c => c.Code).ToList();

    /// <summary>The next free child code: the parent's code plus "-n", n one more than the highest child number.</summary>
    private string NextChildCode(KeyTask parent)
    {
        var prefix = parent.Code + "-";
        var highest = Children(parent.Id).Select(c => c.Code)
            .Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        for (var n = highest + 1; ; n++)
        {
            var code = prefix + n.ToString(CultureInfo.InvariantCulture);
            if (code.Length > 32) throw new DomainRuleException("任务编号将超过32位：分解层级过深，请在较上一级分解。");
            if (Find(code) is null) return code;
        }
    }
}
