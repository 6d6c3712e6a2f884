using LuoshiArchive.Core.Accounts;
using System.Globalization;
using System.Text.RegularExpressions;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// The task registry (任务清单): creates, edits, adjusts and lists key tasks. Every change is written together with
/// its history entry in one transaction, so the history never misses a change.
/// </summary>
public sealed partial class TaskRegistry(
    ITaskStore store, OrganisationDirectory directory, TimeProvider clock, Audit.AuditLog audit)
{
    private readonly Audit.AuditLog _audit = audit;

    /// <summary>The audit trail on this registry's clock, for the services that build on it.</summary>
    internal Audit.AuditLog AuditTrail => _audit;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public KeyTask? Find(string code) => store.Tasks.FindOne(t => t.Code == code.Trim());

    /// <summary>A task by its stored id (a parent link), or null.</summary>
    public KeyTask? FindById(int id) => store.Tasks.FindById(id);

    public IReadOnlyList<int> Years() =>
        store.Tasks.FindAll().Select(t => t.Year).Distinct().OrderByDescending(y => y).ToList();

    public IReadOnlyList<TaskListItem> List(TaskFilter filter)
    {
        var tasks = (filter.Year is { } year ? store.Tasks.Find(t => t.Year == year) : store.Tasks.FindAll()).ToList();
        var today = Today;
        var rollups = TaskTree.Rollups(tasks, today);
        var departments = directory.Departments().ToDictionary(d => d.Id, d => d.Name);
        var people = directory.People().ToDictionary(p => p.Id, p => p.Name);
        var evidence = EvidenceCounts();
        return tasks
            .Select(t => new TaskListItem(t, t.LightOn(today),
                t.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "",
                t.SupervisingLeaderId is { } l ? people.GetValueOrDefault(l, "") : "",
                evidence.GetValueOrDefault(t.Id), rollups.GetValueOrDefault(t.Id)))
            .Where(filter.Matches)
            .OrderBy(i => i.Task.Year).ThenBy(i => i.Task.Code, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record CachedCounts(long Version, Dictionary<int, int> Counts);
    private CachedCounts? _evidenceCounts;

    /// <summary>
    /// Pieces of evidence filed in each task's dossier (一事一档), by task id. Counting reads every piece of evidence,
    /// so the counts are kept until evidence changes (<see cref="ITaskStore.EvidenceVersion"/>): the task list is the
    /// most opened page, and counting on every request held it to 31 requests/s at 2,000 documents (web bench).
    /// </summary>
    public Dictionary<int, int> EvidenceCounts()
    {
        // The version is read before counting: a change made during the count leaves the cache already stale.
        var version = store.EvidenceVersion;
        if (_evidenceCounts is { } cached && cached.Version == version) return new(cached.Counts);
        var counts = store.CountEvidenceByTask();
        _evidenceCounts = new CachedCounts(version, counts);
        return new(counts);
    }

    public IReadOnlyList<TaskHistoryEntry> History(int taskId) =>
        store.TaskHistory.Find(h => h.TaskId == taskId).OrderByDescending(h => h.At).ThenByDescending(h => h.Id).ToList();

    /// <summary>Creates a task; it starts 未启动 or 推进中 (a closed status comes only by its own rules).</summary>
    public KeyTask Create(TaskDraft draft, Actor actor, TaskChangeKind kind = TaskChangeKind.Created)
    {
        Access.Demand(actor, Permission.CreateTasks, _audit);
        if (!IsOpeningStatus(draft.Status)) RefuseStatusChange(actor, null, draft.Status);
        return Insert(draft, actor, kind, closure: null);
    }

    /// <summary>A task restored from an annual bundle (or the demo), with the status and 办结 it was recorded with.</summary>
    internal KeyTask Restore(TaskDraft draft, TaskClosure? closure, Actor actor,
        TaskChangeKind kind = TaskChangeKind.Imported)
    {
        Access.Demand(actor, Permission.CreateTasks, _audit);
        return Insert(draft, actor, kind, closure);
    }

    /// <summary>
    /// Stores a new task: under <paramref name="parent"/> (细化分解) its code follows the parent's; continuing
    /// <paramref name="carriedFrom"/> (年度结转) it is linked to that task. Its history records every field set.
    /// </summary>
    private KeyTask Insert(TaskDraft draft, Actor actor, TaskChangeKind kind, TaskClosure? closure, KeyTask? parent = null,
        KeyTask? carriedFrom = null)
    {
        Validate(draft, existing: null);
        return store.InTransaction(() =>
        {
            store.LockForWrite("tasks");
            var code = parent is not null ? NextChildCode(parent)
                : string.IsNullOrWhiteSpace(draft.Code) ? NextCode(draft.Year) : draft.Code.Trim();
            if (Find(code) is not null) throw new DomainRuleException($"任务编号“{code}”已被使用。");
            var task = new KeyTask
                { Code = code, AddedOn = Today, Closure = closure, ParentId = parent?.Id, CarriedFromId = carriedFrom?.Id };
            task.Apply(draft);
            store.Tasks.Insert(task);
            var fields = Describe(task).Select(f => new FieldChange(f.Key, "", f.Value)).Where(c => c.After.Length > 0);
            if (parent is not null) fields = fields.Prepend(new FieldChange(ParentField, "", parent.Code));
            if (carriedFrom is not null) fields = fields.Prepend(new FieldChange(CarriedFromField, "", carriedFrom.Code));
            Record(task, actor, kind, fields.ToList());
            return task;
        });
    }

    /// <summary>Edits a task. Changing a target or schedule already set is refused: that is an adjustment.</summary>
    public KeyTask Update(string code, TaskDraft draft, Actor actor)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        Access.Demand(actor, Permission.EditTask, _audit, task);
        // A department user keeps the task in their department: moving it away is the office's decision.
        if (actor.Role == UserRole.DepartmentUser && draft.LeadDepartmentId != task.LeadDepartmentId)
            Access.Demand(actor, Permission.CreateTasks, _audit);
        Validate(draft, task);
        // The status is not the edit's: an open task stays as progress left it (a form opened before the first report
        // still says 未启动); any other difference is a 办结/撤销/暂缓 attempted past its rules.
        if (IsOpeningStatus(draft.Status) && IsOpeningStatus(task.Status)) draft.Status = task.Status;
        else if (draft.Status != task.Status) RefuseStatusChange(actor, task, draft.Status);
        if (task.WouldChangePlan(draft.Target, draft.Deadline, draft.Milestones))
            throw new DomainRuleException("已确定的目标任务、完成时限或时间节点不能直接修改，请通过“调整”并记录委领导的研究决定。");
        if (draft.Deadline != task.Deadline) CheckDeadlineInTree(task, draft.Deadline);
        // Milestone completion is changed by MarkMilestone, never by an edit form.
        var doneState = task.Milestones.ToDictionary(m => (m.Due, m.Description.Trim()));
        foreach (var m in draft.Milestones)
        {
            if (doneState.TryGetValue((m.Due, m.Description.Trim()), out var old))
            {
                m.Id = old.Id;
                m.KeepCompletionOf(old);
            }
        }
        return store.InTransaction(() =>
        {
            var before = Describe(task);
            task.Apply(draft);
            store.Tasks.Update(task);
            var changes = Diff(before, Describe(task));
            if (changes.Count > 0) Record(task, actor, TaskChangeKind.Edited, changes);
            return task;
        });
    }

    /// <summary>Changes target or schedule under a leader decision; the original values stay in the history.</summary>
    public KeyTask Adjust(string code, string newTarget, DateOnly? newDeadline, IReadOnlyList<Milestone> newMilestones,
        LeaderDecision? decision, Actor actor)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        Access.Demand(actor, Permission.AdjustTask, _audit, task);
        if (string.IsNullOrWhiteSpace(newTarget)) throw new DomainRuleException("目标任务不能为空。");
        ValidateMilestones(newMilestones);
        if (newDeadline != task.Deadline) CheckDeadlineInTree(task, newDeadline);
        // A milestone kept through the adjustment keeps its completion.
        var previous = task.Milestones.ToDictionary(m => m.Id);
        foreach (var m in newMilestones)
        {
            if (previous.TryGetValue(m.Id, out var old)) m.KeepCompletionOf(old);
        }
        return store.InTransaction(() =>
        {
            var before = Describe(task);
            var adjustment = task.Adjust(newTarget, newDeadline, newMilestones, decision);
            store.Tasks.Update(task);
            Record(task, actor, TaskChangeKind.Adjusted, Diff(before, Describe(task)), adjustment);
            return task;
        });
    }

    private string NextCode(int year)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        var highest = store.Tasks.Find(t => t.Year == year).Select(t => t.Code)
            .Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c[prefix.Length..], out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return prefix + (highest + 1).ToString("000", CultureInfo.InvariantCulture);
    }

    private void Validate(TaskDraft draft, KeyTask? existing)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Name)) problems.Add("任务名称不能为空");
        else if (draft.Name.Trim().Length > 200) problems.Add("任务名称不能超过200字");
        if (draft.Year is < 2000 or > 2100) problems.Add("年度应在2000至2100之间");
        if (existing is null && !string.IsNullOrWhiteSpace(draft.Code) && !CodePattern().IsMatch(draft.Code.Trim()))
            problems.Add("任务编号只能由字母、数字和“-”组成（不超过32位）");
        if (!Enum.IsDefined(draft.ListKind)) problems.Add("清单类别无效");
        if (!Enum.IsDefined(draft.Source)) problems.Add("任务来源无效");
        if (!Enum.IsDefined(draft.Status)) problems.Add("状态无效");
        if (draft.LeadDepartmentId is not null && directory.Department(draft.LeadDepartmentId) is null) problems.Add("牵头处室不存在");
        if (draft.CooperatingDepartmentIds.Any(id => directory.Department(id) is null)) problems.Add("配合处室不存在");
        if (draft.ResponsiblePersonId is not null && directory.Person(draft.ResponsiblePersonId) is null) problems.Add("责任人不存在");
        if (draft.SupervisingLeaderId is not null && directory.Person(draft.SupervisingLeaderId) is null) problems.Add("分管委领导不存在");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        ValidateMilestones(draft.Milestones);
    }

    private static void ValidateMilestones(IEnumerable<Milestone> milestones)
    {
        if (milestones.Any(m => string.IsNullOrWhiteSpace(m.Description)))
            throw new DomainRuleException("每个时间节点都要写明节点内容。");
        if (milestones.Any(m => m.Due == default))
            throw new DomainRuleException("每个时间节点都要有日期。");
    }

    private Dictionary<string, string> Describe(KeyTask task)
    {
        var row = OneTableRow.From(task, directory, number: 0, evidenceCount: 0);
        var fields = new Dictionary<string, string>();
        var cells = row.Cells();
        for (var i = 0; i < OneTableRow.Columns.Count; i++)
        {
            var column = OneTableRow.Columns[i];
            if (column is "序号" or "佐证材料(件数)") continue;
            fields[column] = cells[i];
        }
        return fields;
    }

    private static List<FieldChange> Diff(Dictionary<string, string> before, Dictionary<string, string> after) =>
        after.Where(a => before.GetValueOrDefault(a.Key, "") != a.Value)
            .Select(a => new FieldChange(a.Key, before.GetValueOrDefault(a.Key, ""), a.Value)).ToList();

    private void Record(KeyTask task, Actor actor, TaskChangeKind kind, List<FieldChange> changes, Adjustment? adjustment = null)
    {
        store.TaskHistory.Insert(new TaskHistoryEntry
        {
            TaskId = task.Id,
            At = clock.GetUtcNow().UtcDateTime,
            By = actor.Name,
            Kind = kind,
            Changes = changes,
            Adjustment = adjustment,
        });
        var details = string.Join("；", changes.Select(c => $"{c.Field}：{c.Before} → {c.After}"));
        if (adjustment is not null)
            details = $"依据：{adjustment.Decision.DecidedBy} {adjustment.Decision.DecidedOn:yyyy-MM-dd} {adjustment.Decision.Occasion}，{adjustment.Decision.Reason}；" + details;
        _audit.Record(actor.Name, "task." + kind.ToString().ToLowerInvariant(), $"任务 {task.Code}", details);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex CodePattern();
}
