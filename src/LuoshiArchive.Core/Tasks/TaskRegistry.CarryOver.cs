using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

// 年度结转: at year end the office carries the unfinished tasks it chooses into the next year, as new tasks linked to
// the old ones, so the year can be closed and bundled while the work goes on.
public sealed partial class TaskRegistry
{
    internal const string CarriedToField = "结转至";
    internal const string CarriedFromField = "结转自";

    /// <summary>
    /// The tasks of <paramref name="year"/> that may be carried over: not settled, not carried yet, and not under a
    /// parent (a child goes with its parent), in code order.
    /// </summary>
    public IReadOnlyList<KeyTask> CarryOverCandidates(int year) =>
        store.Tasks.Find(t => t.Year == year).Where(t => t.ParentId is null && !t.IsSettled)
            .OrderBy(t => t.Code, StringComparer.Ordinal).ToList();

    /// <summary>The default deadline of a carried task whose own deadline falls in the old year: the next year's end.
    /// </summary>
    public static DateOnly CarryOverDeadline(int year) => new(year + 1, 12, 31);

    /// <summary>
    /// Carries the chosen unfinished tasks of <paramref name="year"/> into the next year: each becomes a new task of
    /// that year (same name, departments, leader, target, standard, measures; the milestones not yet done; its open
    /// children with it) linked both ways to the old one, which rests as 已结转 with its history and dossier. A deadline
    /// in the old year becomes <paramref name="deadline"/> (by default the next year's end). All or nothing.
    /// </summary>
    public IReadOnlyList<KeyTask> CarryOver(int year, IReadOnlyList<string> codes, DateOnly? deadline, Actor actor)
    {
        Access.Demand(actor, Permission.CreateTasks, _audit);
        if (codes.Count == 0) throw new DomainRuleException("请选择要结转的任务。");
        var newDeadline = deadline ?? CarryOverDeadline(year);
        if (newDeadline.Year <= year) throw new DomainRuleException($"结转后的完成时限须在{year + 1}年或以后。");
        var chosen = codes.Select(c => c.Trim()).Distinct().Select(code => Find(code)
            ?? throw new DomainRuleException($"任务“{code}”不存在。")).ToList();
        foreach (var task in chosen) CheckCarriable(task, year);
        return store.InTransaction(() => chosen.Select(task => Carry(task, parent: null, newDeadline, actor)).ToList());
    }

    private static void CheckCarriable(KeyTask task, int year)
    {
        if (task.Year != year) throw new DomainRuleException($"任务 {task.Code} 不是{year}年度的任务。");
        if (task.CarriedToId is not null) throw new DomainRuleException($"任务 {task.Code} 已结转，不能重复结转。");
        if (task.IsSettled)
            throw new DomainRuleException($"任务 {task.Code} 状态为“{ChineseLabels.Of(task.Status)}”，无需结转。");
        if (task.ParentId is not null)
            throw new DomainRuleException($"任务 {task.Code} 是子任务，随其上级任务一并结转。");
    }

    private KeyTask Carry(KeyTask old, KeyTask? parent, DateOnly newDeadline, Actor actor)
    {
        var draft = TaskDraft.From(old);
        draft.Code = null;
        draft.Year = old.Year + 1;
        draft.AddedOn = Today;
        draft.Deadline = old.Deadline is { } d && d.Year > old.Year ? d : newDeadline;
        if (parent?.Deadline is { } under && draft.Deadline > under) draft.Deadline = under;
        draft.Milestones = old.Milestones.Where(m => !m.Done)
            .Select(m => new Milestone { Due = m.Due, Description = m.Description }).ToList();
        draft.ProgressSummary = old.ProgressSummary.Length > 0 ? $"（{old.Year}年）{old.ProgressSummary}" : "";
        var carried = Insert(draft, actor, TaskChangeKind.CarriedOver, closure: null, parent, carriedFrom: old);
        old.CarriedToId = carried.Id;
        store.Tasks.Update(old);
        Record(old, actor, TaskChangeKind.CarriedOver, [new FieldChange(CarriedToField, "", carried.Code)]);
        foreach (var child in Children(old.Id).Where(c => !c.IsSettled).OrderBy(c => c.Code, StringComparer.Ordinal))
            Carry(child, carried, newDeadline, actor);
        return carried;
    }

    /// <summary>
    /// Restores the links of an imported year's tasks to the tasks they were carried from or into, where the store has
    /// those (the other year's bundle imported before or after this one); a link to a task not in the store is left.
    /// </summary>
    internal void RestoreCarryLinks(IEnumerable<(string Code, string? From, string? To)> links)
    {
        foreach (var (code, from, to) in links)
        {
            var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
            if (!string.IsNullOrEmpty(from) && Find(from) is { } old) Link(old, task);
            if (!string.IsNullOrEmpty(to) && Find(to) is { } carried) Link(task, carried);
        }
    }

    private void Link(KeyTask old, KeyTask carried)
    {
        old.CarriedToId = carried.Id;
        store.Tasks.Update(old);
        carried.CarriedFromId = old.Id;
        store.Tasks.Update(carried);
    }
}
