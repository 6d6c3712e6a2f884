using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

public class TaskRegistryTests
{
    private static TaskDraft Draft(string name, int? department = null) => new()
    {
        Year = 2018, Name = name, Target = "目标", Standard = "标准", Deadline = new DateOnly(2018, 12, 31),
        LeadDepartmentId = department,
        Milestones = [new Milestone { Due = new DateOnly(2018, 9, 30), Description = "中期检查" }],
    };

    [Fact]
    public void Codes_are_allocated_per_year_in_sequence()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        Assert.Equal("2018-001", storage.Tasks.Create(Draft("一"), Actor.Console("t")).Code);
        Assert.Equal("2018-002", storage.Tasks.Create(Draft("二"), Actor.Console("t")).Code);
        Assert.Equal("2019-001", storage.Tasks.Create(new TaskDraft { Year = 2019, Name = "三" }, Actor.Console("t")).Code);
        Assert.Equal("2018-003", storage.Tasks.Create(Draft("四"), Actor.Console("t")).Code);
    }

    [Fact]
    public void A_task_added_during_the_year_records_the_day_it_was_added()
    {
        using var storage = new TempStorage(new DateOnly(2018, 8, 20));
        var task = storage.Tasks.Create(Draft("市领导批示交办事项"), Actor.Console("t"));
        Assert.Equal(new DateOnly(2018, 8, 20), task.AddedOn);
    }

    [Fact]
    public void An_edit_that_changes_the_deadline_is_refused_and_the_store_is_unchanged()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        var task = storage.Tasks.Create(Draft("一"), Actor.Console("t"));
        var draft = TaskDraft.From(task);
        draft.Deadline = new DateOnly(2019, 3, 31);

        Assert.Throws<DomainRuleException>(() => storage.Tasks.Update(task.Code, draft, Actor.Console("t")));

        storage.Reopen();
        Assert.Equal(new DateOnly(2018, 12, 31), storage.Tasks.Find(task.Code)!.Deadline);
        Assert.Single(storage.Tasks.History(task.Id));
    }

    [Fact]
    public void An_edit_records_who_changed_which_field_from_what_to_what()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        var office = storage.Directory.SaveDepartment(new Department { Name = "办公室" });
        var task = storage.Tasks.Create(Draft("一"), Actor.Console("张三"));
        var draft = TaskDraft.From(task);
        draft.LeadDepartmentId = office.Id;
        draft.ProgressSummary = "已形成初稿";

        storage.Tasks.Update(task.Code, draft, Actor.Console("李四"));

        var edit = storage.Tasks.History(task.Id)[0];
        Assert.Equal(TaskChangeKind.Edited, edit.Kind);
        Assert.Equal("李四", edit.By);
        Assert.Contains(new FieldChange("牵头处室", "", "办公室"), edit.Changes);
        Assert.Contains(new FieldChange("进展情况", "", "已形成初稿"), edit.Changes);
    }

    [Fact]
    public void An_adjustment_is_stored_with_its_decision_and_milestone_completion_is_kept()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        var task = storage.Tasks.Create(Draft("一"), Actor.Console("t"));
        storage.Tasks.MarkMilestone(task.Code, task.Milestones[0].Id, done: true, Actor.Console("t"));
        var kept = storage.Tasks.Find(task.Code)!.Milestones[0];

        storage.Tasks.Adjust(task.Code, "新目标", new DateOnly(2019, 1, 31), [kept], new LeaderDecision
        {
            DecidedBy = "王建国", DecidedOn = new DateOnly(2018, 2, 28), Occasion = "主任办公会", Reason = "任务加量",
        }, Actor.Console("t"));

        storage.Reopen();
        var adjusted = storage.Tasks.Find(task.Code)!;
        Assert.True(adjusted.Milestones[0].Done);
        var entry = storage.Tasks.History(task.Id)[0];
        Assert.Equal(TaskChangeKind.Adjusted, entry.Kind);
        Assert.Equal("目标", entry.Adjustment!.TargetBefore);
        Assert.Equal("王建国", entry.Adjustment.Decision.DecidedBy);
    }

    [Fact]
    public void A_task_naming_an_unknown_department_is_refused()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        var error = Assert.Throws<DomainRuleException>(() => storage.Tasks.Create(Draft("一", department: 999), Actor.Console("t")));
        Assert.Contains("牵头处室不存在", error.Message);
        Assert.Equal(0, storage.Store.Tasks.Count());
    }

    [Fact]
    public void The_list_filters_by_light_against_the_clock()
    {
        using var storage = new TempStorage(new DateOnly(2018, 12, 28));
        storage.Tasks.Create(Draft("临期"), Actor.Console("t"));
        storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "远期", Deadline = new DateOnly(2019, 6, 30) }, Actor.Console("t"));

        Assert.Equal("临期", Assert.Single(storage.Tasks.List(new TaskFilter { Light = TrafficLight.Yellow })).Task.Name);
        storage.Clock.MoveTo(new DateOnly(2019, 1, 2));
        Assert.Equal("临期", Assert.Single(storage.Tasks.List(new TaskFilter { Light = TrafficLight.Red })).Task.Name);
    }
}
