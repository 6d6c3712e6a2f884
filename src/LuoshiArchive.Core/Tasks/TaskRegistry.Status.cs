using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

// The only ways a task's status changes (besides progress starting a task not yet started): 办结 with proof and the
// head's confirmation, 撤销/暂缓/恢复 under a leader decision, and the office reopening a completed task.
public sealed partial class TaskRegistry
{
    /// <summary>Why an edit, a new task or an imported row cannot set a status: said the same way everywhere.</summary>
    public const string StatusRule =
        "任务状态不能直接修改：办结须有佐证材料（或注明“佐证材料后补”）并经牵头处室主要负责人确认，撤销或暂缓须有委领导的研究决定，" +
        "请在任务页的“办结、撤销与暂缓”中办理。";

    /// <summary>The statuses a task may be created or imported with.</summary>
    public static bool IsOpeningStatus(KeyTaskStatus status) => status is KeyTaskStatus.NotStarted or KeyTaskStatus.InProgress;

    /// <summary>
    /// 办结: sets the task to 已完成. Needs evidence of the result filed in the task's dossier or the explicit
    /// "佐证材料后补" flag, and the confirmation of the lead department's 主要负责人 (a Head of that department).
    /// </summary>
    public KeyTask Complete(string code, TaskClosure closure, Actor actor)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        Access.Demand(actor, Permission.EditTask, _audit, task,
            $"您的角色（{ChineseLabels.Of(actor.Role)}）无权办结任务“{task.Code}”：只有牵头处室或办公室可以办结。");
        if (task.Status is not (KeyTaskStatus.NotStarted or KeyTaskStatus.InProgress))
            throw new DomainRuleException($"任务状态为“{ChineseLabels.Of(task.Status)}”，不能办结。");
        if (OpenChildren(task, KeyTaskStatus.Completed, KeyTaskStatus.Cancelled) is { Count: > 0 } open)
            throw new DomainRuleException($"子任务 {string.Join("、", open)} 尚未办结：子任务全部办结（或经决定撤销）后，上级任务才能办结。");
        var ids = CheckProof(task, new MilestoneProof(closure.EvidenceIds, closure.EvidenceToFollow));
        CheckHeadConfirmation(task, closure);
        var recorded = new TaskClosure
        {
            EvidenceIds = ids, EvidenceToFollow = ids.Count == 0, ConfirmedBy = closure.ConfirmedBy.Trim(),
            ConfirmedOn = closure.ConfirmedOn, RecordedBy = actor.Name,
        };
        return ChangeStatus(task, KeyTaskStatus.Completed, actor, TaskChangeKind.Completed, recorded.Describe(),
            t => t.Closure = recorded, closure: recorded);
    }

    /// <summary>撤销: only under a complete leader decision, recorded by the office or a leader.</summary>
    public KeyTask Cancel(string code, LeaderDecision? decision, Actor actor) =>
        Decide(code, decision, actor, KeyTaskStatus.Cancelled, TaskChangeKind.Cancelled,
            from: [KeyTaskStatus.NotStarted, KeyTaskStatus.InProgress, KeyTaskStatus.Paused]);

    /// <summary>暂缓: only under a complete leader decision, recorded by the office or a leader.</summary>
    public KeyTask Pause(string code, LeaderDecision? decision, Actor actor) =>
        Decide(code, decision, actor, KeyTaskStatus.Paused, TaskChangeKind.Paused,
            from: [KeyTaskStatus.NotStarted, KeyTaskStatus.InProgress]);

    /// <summary>恢复: a paused or cancelled task goes back to 推进中, again under a leader decision.</summary>
    public KeyTask Resume(string code, LeaderDecision? decision, Actor actor) =>
        Decide(code, decision, actor, KeyTaskStatus.InProgress, TaskChangeKind.Resumed,
            from: [KeyTaskStatus.Paused, KeyTaskStatus.Cancelled]);

    /// <summary>The office reopens a completed task (the result did not hold); the 办结 stays in the history.</summary>
    public KeyTask Reopen(string code, string reason, Actor actor)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        Access.Demand(actor, Permission.ReopenTask, _audit, task,
            $"您的角色（{ChineseLabels.Of(actor.Role)}）无权重新打开任务：已办结的任务只能由办公室重新打开。");
        if (task.Status != KeyTaskStatus.Completed) throw new DomainRuleException("只有已办结的任务可以重新打开。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("重新打开须写明理由。");
        RefuseUnderSettledParent(task, "重新打开");
        return ChangeStatus(task, KeyTaskStatus.InProgress, actor, TaskChangeKind.Reopened, "理由：" + reason.Trim(),
            t => t.Closure = null);
    }

    private KeyTask Decide(string code, LeaderDecision? decision, Actor actor, KeyTaskStatus to, TaskChangeKind kind,
        KeyTaskStatus[] from)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        var what = ChineseLabels.Of(kind);
        if (!Access.Allows(actor, Permission.CancelTask, task))
            throw Access.Refuse(actor, _audit, task, $"您的角色（{ChineseLabels.Of(actor.Role)}）无权{what}任务“{task.Code}”：" +
                "撤销、暂缓或恢复须有委领导的研究决定，由办公室或委领导登记。");
        if (!from.Contains(task.Status))
            throw new DomainRuleException($"任务状态为“{ChineseLabels.Of(task.Status)}”，不能{what}。");
        if (decision is null) throw new DomainRuleException($"{what}任务必须有委领导的研究决定。");
        var missing = decision.MissingParts();
        if (missing.Count > 0)
            throw new DomainRuleException($"{what}依据不完整，缺少：" + string.Join("、", missing) + "。");
        if (to == KeyTaskStatus.InProgress) RefuseUnderSettledParent(task, what);
        var holding = to == KeyTaskStatus.Cancelled
            ? OpenChildren(task, KeyTaskStatus.Completed, KeyTaskStatus.Cancelled)
            : to == KeyTaskStatus.Paused
                ? OpenChildren(task, KeyTaskStatus.Completed, KeyTaskStatus.Cancelled, KeyTaskStatus.Paused) : [];
        if (holding.Count > 0)
            throw new DomainRuleException($"子任务 {string.Join("、", holding)} 尚未办结：请先逐项办结、撤销" +
                $"{(to == KeyTaskStatus.Paused ? "或暂缓" : "")}这些子任务（各须依据），再{what}上级任务。");
        var basis = $"依据：{decision.DecidedBy} {decision.DecidedOn:yyyy-MM-dd} {decision.Occasion}，{decision.Reason}";
        return ChangeStatus(task, to, actor, kind, basis, _ => { }, decision: decision);
    }

    /// <summary>A task under a completed, cancelled or paused parent cannot become open again before its parent.</summary>
    private void RefuseUnderSettledParent(KeyTask task, string what)
    {
        if (task.ParentId is { } p && FindById(p) is { IsSettled: true } parent)
            throw new DomainRuleException(
                $"上级任务“{parent.Code}”状态为“{ChineseLabels.Of(parent.Status)}”：请先恢复或重新打开上级任务，再{what}本任务。");
    }

    private void CheckHeadConfirmation(KeyTask task, TaskClosure closure)
    {
        if (string.IsNullOrWhiteSpace(closure.ConfirmedBy) || closure.ConfirmedOn == default)
            throw new DomainRuleException("办结须经牵头处室主要负责人确认：请填写确认人和确认日期。");
        var heads = directory.People()
            .Where(p => p.Role == Organisation.PersonRole.Head && p.DepartmentId == task.LeadDepartmentId).ToList();
        if (heads.Count == 0)
            throw new DomainRuleException("牵头处室尚未登记主要负责人，请先在“机构人员”中登记，再办结。");
        if (!heads.Any(h => h.Name == closure.ConfirmedBy.Trim()))
            throw new DomainRuleException(
                $"“{closure.ConfirmedBy.Trim()}”不是牵头处室的主要负责人（{string.Join("、", heads.Select(h => h.Name))}）。");
    }

    private KeyTask ChangeStatus(KeyTask task, KeyTaskStatus to, Actor actor, TaskChangeKind kind, string basis,
        Action<KeyTask> alsoChange, LeaderDecision? decision = null, TaskClosure? closure = null) =>
        store.InTransaction(() =>
        {
            var before = task.Status;
            task.Status = to;
            alsoChange(task);
            store.Tasks.Update(task);
            var change = new FieldChange("状态", ChineseLabels.Of(before), ChineseLabels.Of(to));
            store.TaskHistory.Insert(new TaskHistoryEntry
            {
                TaskId = task.Id, At = clock.GetUtcNow().UtcDateTime, By = actor.Name, Kind = kind,
                Changes = [change, new FieldChange("依据", "", basis)], Decision = decision, Closure = closure,
            });
            _audit.Record(actor.Name, "task." + kind.ToString().ToLowerInvariant(), $"任务 {task.Code}",
                $"状态：{change.Before} → {change.After}；{basis}");
            return task;
        });

    /// <summary>Refuses (403, audited) a status set any other way: an edit, a new task, an import.</summary>
    private void RefuseStatusChange(Actor actor, KeyTask? task, KeyTaskStatus wanted) =>
        throw Access.Refuse(actor, _audit, task,
            $"不能将任务{(task is null ? "" : $"“{task.Code}”")}设为“{ChineseLabels.Of(wanted)}”。" + StatusRule);
}
