using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Tasks;

/// <summary>
/// A key task (重点任务): the unit everything hangs on. It carries the four lists (task, responsibility, measures,
/// outcomes) and knows its own rules: the four clarities, its traffic light, and that its target and schedule
/// change only through an <see cref="Adjustment"/> backed by a leader decision.
/// </summary>
public sealed class KeyTask : ITaskScope
{
    /// <summary>Days ahead within which a milestone or the deadline turns the light yellow.</summary>
    public const int WarningDays = 7;

    public int Id { get; set; }
    /// <summary>Stable human code, e.g. "2018-007"; unique across the store.</summary>
    public string Code { get; set; } = "";
    public int Year { get; set; }
    /// <summary>
    /// The task this one was decomposed from (细化分解), or null for a task on a list of its own. Stores written before
    /// decomposition existed have no such field and read as null.
    /// </summary>
    public int? ParentId { get; set; }
    /// <summary>年度结转: the task of the year before this one continues (set on the new task).</summary>
    public int? CarriedFromId { get; set; }
    /// <summary>年度结转: the task of the next year that continues this one (set on the old task, which then rests).
    /// </summary>
    public int? CarriedToId { get; set; }

    // 任务清单: the task
    public string Name { get; set; } = "";
    public TaskListKind ListKind { get; set; }
    public TaskSource Source { get; set; }
    /// <summary>The document, meeting or instruction the task comes from (free text).</summary>
    public string SourceDetail { get; set; } = "";
    /// <summary>目标任务</summary>
    public string Target { get; set; } = "";

    // 责任清单: who
    public int? LeadDepartmentId { get; set; }
    public List<int> CooperatingDepartmentIds { get; set; } = [];
    public int? ResponsiblePersonId { get; set; }
    public int? SupervisingLeaderId { get; set; }

    // 措施清单: how and when
    /// <summary>工作措施, one measure per line.</summary>
    public string Measures { get; set; } = "";
    public List<Milestone> Milestones { get; set; } = [];
    /// <summary>完成时限</summary>
    public DateOnly? Deadline { get; set; }

    // 成果清单: what counts as done
    /// <summary>工作标准</summary>
    public string Standard { get; set; } = "";
    /// <summary>预期成果</summary>
    public string ExpectedOutcomes { get; set; } = "";

    /// <summary>Changed only by <see cref="TaskRegistry"/>'s 办结, 撤销, 暂缓, 恢复 and 重新打开 (and progress starting it).</summary>
    public KeyTaskStatus Status { get; set; }
    /// <summary>How the task was completed (办结): its proof and the head's confirmation; null unless completed.</summary>
    public TaskClosure? Closure { get; set; }
    /// <summary>进展情况: the latest summary shown in the one-table view.</summary>
    public string ProgressSummary { get; set; } = "";
    /// <summary>备注</summary>
    public string Remarks { get; set; } = "";
    /// <summary>The day the task was put on a list; tasks can be added at any date in the year.</summary>
    public DateOnly AddedOn { get; set; }
    /// <summary>The meeting whose decision created this task (会议议定), if any.</summary>
    public int? SourceMeetingId { get; set; }

    /// <summary>The four clarities (四明确) that are still missing, in Chinese; a task with any missing is incomplete.</summary>
    public IReadOnlyList<string> MissingClarities()
    {
        var missing = new List<string>();
        if (LeadDepartmentId is null) missing.Add("责任主体");
        if (string.IsNullOrWhiteSpace(Target)) missing.Add("目标任务");
        if (string.IsNullOrWhiteSpace(Standard)) missing.Add("工作标准");
        if (Deadline is null) missing.Add("时限要求");
        return missing;
    }

    public bool IsComplete => MissingClarities().Count == 0;

    /// <summary>
    /// Completed, cancelled or paused, or carried into the next year: nothing is due from the task while it stands so.
    /// </summary>
    public bool IsSettled =>
        Status is KeyTaskStatus.Completed or KeyTaskStatus.Cancelled or KeyTaskStatus.Paused || CarriedToId is not null;

    public bool IsOverdue(DateOnly today) => !IsSettled && Deadline is { } d && d < today;

    public TrafficLight LightOn(DateOnly today)
    {
        if (IsSettled) return TrafficLight.Green;
        if (IsOverdue(today)) return TrafficLight.Red;
        var deadlineNear = Deadline is { } d && d <= today.AddDays(WarningDays);
        var milestoneNear = Milestones.Any(m => m.IsComingDue(today, WarningDays));
        var milestoneMissed = Milestones.Any(m => m.IsMissed(today));
        return deadlineNear || milestoneNear || milestoneMissed ? TrafficLight.Yellow : TrafficLight.Green;
    }

    /// <summary>
    /// Changes target, deadline or milestone schedule. Refused unless a complete leader decision authorises it;
    /// the caller records the returned adjustment (with the original values) in the task's history.
    /// </summary>
    public Adjustment Adjust(string newTarget, DateOnly? newDeadline, IReadOnlyList<Milestone> newMilestones,
        LeaderDecision? decision)
    {
        if (decision is null)
            throw new DomainRuleException("调整目标或进度必须有委领导的研究决定。");
        var missing = decision.MissingParts();
        if (missing.Count > 0)
            throw new DomainRuleException("调整依据不完整，缺少：" + string.Join("、", missing) + "。");
        var adjustment = new Adjustment
        {
            Decision = decision,
            TargetBefore = Target,
            TargetAfter = newTarget.Trim(),
            DeadlineBefore = Deadline,
            DeadlineAfter = newDeadline,
            ScheduleBefore = Milestones.Select(m => m.ToString()).ToList(),
            ScheduleAfter = newMilestones.Select(m => m.ToString()).ToList(),
        };
        if (!adjustment.ChangesAnything)
            throw new DomainRuleException("调整内容与原计划相同，无需调整。");
        Target = adjustment.TargetAfter;
        Deadline = newDeadline;
        Milestones = newMilestones.OrderBy(m => m.Due).ToList();
        return adjustment;
    }

    /// <summary>
    /// True when the values would change a target or schedule already set. Filling a blank target, deadline or an
    /// empty schedule is drafting and needs no decision; changing what was set is an adjustment (调整).
    /// </summary>
    public bool WouldChangePlan(string target, DateOnly? deadline, IEnumerable<Milestone> milestones)
    {
        var targetChanged = Target.Length > 0 && target.Trim() != Target;
        var deadlineChanged = Deadline is not null && deadline != Deadline;
        var scheduleChanged = Milestones.Count > 0 && !milestones.Select(m => (m.Due, m.Description.Trim()))
            .SequenceEqual(Milestones.Select(m => (m.Due, m.Description.Trim())));
        return targetChanged || deadlineChanged || scheduleChanged;
    }

    /// <summary>Copies a draft's values onto the task, except the code (fixed once given).</summary>
    internal void Apply(TaskDraft draft)
    {
        Year = draft.Year;
        Name = draft.Name.Trim();
        ListKind = draft.ListKind;
        Source = draft.Source;
        SourceDetail = draft.SourceDetail.Trim();
        Target = draft.Target.Trim();
        Standard = draft.Standard.Trim();
        LeadDepartmentId = draft.LeadDepartmentId;
        CooperatingDepartmentIds = draft.CooperatingDepartmentIds.Where(id => id != draft.LeadDepartmentId).Distinct().ToList();
        ResponsiblePersonId = draft.ResponsiblePersonId;
        SupervisingLeaderId = draft.SupervisingLeaderId;
        Measures = draft.Measures.Trim();
        Milestones = draft.Milestones.OrderBy(m => m.Due).ToList();
        Deadline = draft.Deadline;
        ExpectedOutcomes = draft.ExpectedOutcomes.Trim();
        Status = draft.Status;
        ProgressSummary = draft.ProgressSummary.Trim();
        Remarks = draft.Remarks.Trim();
        if (draft.AddedOn is { } added) AddedOn = added;
        SourceMeetingId = draft.SourceMeetingId ?? SourceMeetingId;
    }
}
