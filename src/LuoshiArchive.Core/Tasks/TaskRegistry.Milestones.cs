using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

// The registry's milestone and progress changes: a step done with its proof, proof supplied later, progress noted.
public sealed partial class TaskRegistry
{
    /// <summary>
    /// Marks a milestone done or not done. Done asks for its proof: evidence already in the task's dossier, or the
    /// explicit "evidence to follow" flag. Without a proof the step is recorded as done with its evidence to follow, so
    /// it is flagged (never silently passed) until evidence is supplied with <see cref="SupplyMilestoneEvidence"/>.
    /// </summary>
    public KeyTask MarkMilestone(string code, Guid milestoneId, bool done, Actor actor, MilestoneProof? proof = null)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        Access.Demand(actor, Permission.EditTask, _audit, task);
        var milestone = task.Milestones.FirstOrDefault(m => m.Id == milestoneId)
                        ?? throw new DomainRuleException("该时间节点不存在。");
        var evidenceIds = done ? CheckProof(task, proof ?? MilestoneProof.ToFollow) : [];
        if (milestone.Done == done) return evidenceIds.Count > 0 ? SupplyMilestoneEvidence(code, milestoneId, evidenceIds, actor) : task;
        return store.InTransaction(() =>
        {
            milestone.Done = done;
            milestone.DoneOn = done ? Today : null;
            milestone.EvidenceIds = evidenceIds;
            milestone.EvidenceToFollow = done && evidenceIds.Count == 0;
            store.Tasks.Update(task);
            var text = $"{milestone.Due:yyyy-MM-dd} {milestone.Description}";
            var proofText = !done ? "" : evidenceIds.Count > 0 ? $"（佐证材料 {string.Join("、", evidenceIds)}）" : "（佐证材料后补）";
            Record(task, actor, done ? TaskChangeKind.MilestoneDone : TaskChangeKind.MilestoneReopened,
                [new FieldChange("时间节点", done ? text + "：未完成" : text + "：已完成", done ? text + "：已完成" + proofText : text + "：未完成")]);
            return task;
        });
    }

    /// <summary>Names evidence in the task's dossier as the proof of a milestone; clears its "evidence to follow" flag.</summary>
    public KeyTask SupplyMilestoneEvidence(string code, Guid milestoneId, IReadOnlyList<int> evidenceIds, Actor actor)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        Access.Demand(actor, Permission.EditTask, _audit, task);
        var milestone = task.Milestones.FirstOrDefault(m => m.Id == milestoneId)
                        ?? throw new DomainRuleException("该时间节点不存在。");
        var ids = CheckProof(task, new MilestoneProof(evidenceIds, EvidenceToFollow: false));
        var added = ids.Except(milestone.EvidenceIds).ToList();
        if (added.Count == 0 && !milestone.EvidenceToFollow) return task;
        return store.InTransaction(() =>
        {
            var before = milestone.EvidenceIds.Count == 0 ? (milestone.EvidenceToFollow ? "佐证材料后补" : "无") : string.Join("、", milestone.EvidenceIds);
            milestone.EvidenceIds.AddRange(added);
            milestone.EvidenceToFollow = false;
            store.Tasks.Update(task);
            Record(task, actor, TaskChangeKind.Edited,
                [new FieldChange($"时间节点佐证：{milestone.Due:yyyy-MM-dd} {milestone.Description}", before, string.Join("、", milestone.EvidenceIds))]);
            return task;
        });
    }

    /// <summary>
    /// Sets the task's 进展情况 (the one-table summary) from a progress report, and starts a task not yet started.
    /// Runs inside the caller's transaction.
    /// </summary>
    internal void NoteProgress(KeyTask task, string summary, Actor actor)
    {
        var before = Describe(task);
        task.ProgressSummary = summary.Trim();
        if (task.Status == KeyTaskStatus.NotStarted) task.Status = KeyTaskStatus.InProgress;
        var changes = Diff(before, Describe(task));
        if (changes.Count == 0) return;
        store.Tasks.Update(task);
        Record(task, actor, TaskChangeKind.Edited, changes);
    }

    private List<int> CheckProof(KeyTask task, MilestoneProof proof)
    {
        var ids = proof.EvidenceIds.Distinct().ToList();
        if (ids.Count == 0 && !proof.EvidenceToFollow)
            throw new DomainRuleException("标记完成须提供证明该节点完成的佐证材料，或注明“佐证材料后补”。");
        foreach (var id in ids)
        {
            if (!store.IsEvidenceFiledIn(id, task.Id))
                throw new DomainRuleException($"佐证材料 {id} 不在任务 {task.Code} 的档案中。");
        }
        return ids;
    }
}
