using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

/// <summary>Builds tasks for domain tests: a complete, in-progress task unless told otherwise.</summary>
public sealed class KeyTaskBuilder
{
    private readonly KeyTask _task = new()
    {
        Code = "2018-001", Year = 2018, Name = "建立全委重点任务分解清单", Target = "形成全委重点任务分解清单",
        Standard = "经征求意见确认", LeadDepartmentId = 1, Deadline = new DateOnly(2018, 6, 30),
        Status = KeyTaskStatus.InProgress,
    };

    public KeyTaskBuilder DueOn(DateOnly? deadline) { _task.Deadline = deadline; return this; }
    public KeyTaskBuilder WithStatus(KeyTaskStatus status) { _task.Status = status; return this; }
    public KeyTaskBuilder WithTarget(string target) { _task.Target = target; return this; }
    public KeyTaskBuilder WithStandard(string standard) { _task.Standard = standard; return this; }
    public KeyTaskBuilder LedBy(int? departmentId) { _task.LeadDepartmentId = departmentId; return this; }

    public KeyTaskBuilder WithMilestone(DateOnly due, bool done = false)
    {
        _task.Milestones.Add(new Milestone { Due = due, Description = $"节点{_task.Milestones.Count + 1}", Done = done });
        return this;
    }

    public KeyTask Build() => _task;
}
