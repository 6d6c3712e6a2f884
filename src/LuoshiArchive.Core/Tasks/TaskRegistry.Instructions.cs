using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

/// <summary>批示 on a task: by the 分管委领导 themselves, or typed in by the office from a paper 批示.</summary>
public sealed partial class TaskRegistry
{
    /// <summary>The task's 批示, newest first.</summary>
    public IReadOnlyList<TaskHistoryEntry> Instructions(int taskId) =>
        History(taskId).Where(h => h.Kind == TaskChangeKind.Instruction && h.Instruction is not null)
            .OrderByDescending(h => h.Instruction!.On).ThenByDescending(h => h.At).ToList();

    /// <summary>Whether <paramref name="actor"/> may record a 批示 on the task, a leader only in their area.</summary>
    public static bool MayInstruct(Actor actor, KeyTask task) => actor.Role == UserRole.Leader
        ? LeaderArea.Covers(actor, task)
        : Access.Allows(actor, Permission.RecordInstruction, task);

    /// <summary>
    /// Records a 批示: a leader account speaks for its own person, only on tasks of its area; the office types in a paper
    /// 批示 under the registered 委领导 <paramref name="leaderPersonId"/>. Refusals are audited.
    /// </summary>
    public KeyTask RecordInstruction(string code, string text, DateOnly date, Actor actor, int? leaderPersonId = null)
    {
        var task = Find(code) ?? throw new DomainRuleException($"任务“{code}”不存在。");
        if (!Access.Allows(actor, Permission.RecordInstruction, task))
            throw Access.Refuse(actor, _audit, task,
                $"您的角色（{ChineseLabels.Of(actor.Role)}）无权记录批示：批示由分管委领导本人记录，或由办公室据纸质批示录入。");
        if (actor.Role == UserRole.Leader && !LeaderArea.Covers(actor, task))
            throw Access.Refuse(actor, _audit, task, LeaderArea.Outside(actor, task, "对该任务作出批示"));
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("请填写批示内容。");
        if (date == default) throw new DomainRuleException("请填写批示日期。");
        if (date > Today) throw new DomainRuleException("批示日期不能晚于今天。");
        var leaderId = LeaderArea.LeaderOf(actor) ?? leaderPersonId
            ?? throw new DomainRuleException("请选择作出批示的委领导。");
        var leader = directory.Leaders().FirstOrDefault(p => p.Id == leaderId)
            ?? throw new DomainRuleException("所选人员不是已登记的委领导：请选择作出批示的委领导。");
        var instruction = new TaskInstruction
        {
            LeaderPersonId = leader.Id, Leader = leader.Name, On = date, Text = text.Trim(),
            FromPaper = actor.Role != UserRole.Leader,
        };
        return store.InTransaction(() =>
        {
            store.TaskHistory.Insert(new TaskHistoryEntry
            {
                TaskId = task.Id, At = clock.GetUtcNow().UtcDateTime, By = actor.Name, Kind = TaskChangeKind.Instruction,
                Instruction = instruction,
            });
            _audit.Record(actor.Name, "task.instruction", $"任务 {task.Code}", $"批示：{leader.Name} {date:yyyy-MM-dd}："
                + instruction.Text + (instruction.FromPaper ? "（据纸质批示录入）" : ""));
            return task;
        });
    }
}
