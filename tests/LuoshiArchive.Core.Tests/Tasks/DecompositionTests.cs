using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

/// <summary>
/// 细化分解，层层压实: a commission-wide task split into departments' child tasks, several levels deep; codes follow the
/// parent's, deadlines fit under it, a department decomposes only what it leads, and the tree stays a tree.
/// </summary>
public sealed class DecompositionTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 7, 10));
    private readonly Department _basic;
    private readonly Department _higher;
    private readonly KeyTask _parent;
    private readonly Actor _office = new("督查督办刘敏", UserRole.OfficeSupervisor);
    private readonly Actor _basicClerk;
    private readonly Actor _higherClerk;

    public DecompositionTests()
    {
        _basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        _higher = _storage.Directory.SaveDepartment(new Department { Name = "高等教育处", Code = "GJC" });
        _storage.Directory.SavePerson(new Person { Name = "赵志强", Role = PersonRole.Head, DepartmentId = _basic.Id });
        _basicClerk = new Actor("基教处李晓梅", UserRole.DepartmentUser, _basic.Id);
        _higherClerk = new Actor("高教处周涛", UserRole.DepartmentUser, _higher.Id);
        _parent = _storage.Tasks.Create(Draft("推进义务教育优质均衡发展", _basic.Id, new DateOnly(2018, 12, 31)), Actor.Console());
    }

    public void Dispose() => _storage.Dispose();

    private static TaskDraft Draft(string name, int department, DateOnly? deadline) => new()
    {
        Year = 2018, Name = name, LeadDepartmentId = department, Deadline = deadline, Target = "目标", Standard = "标准",
        Status = KeyTaskStatus.InProgress,
    };

    private KeyTask Child(string parentCode, string name, DateOnly deadline, Actor? actor = null, int? department = null) =>
        _storage.Tasks.AddChild(parentCode, Draft(name, department ?? _basic.Id, deadline), actor ?? _office);

    private static LeaderDecision Decision() => new()
    {
        DecidedBy = "王建国", DecidedOn = new DateOnly(2018, 7, 5), Occasion = "2018年第9次主任办公会", Reason = "任务调整",
    };

    [Fact]
    public void Children_take_the_parents_code_and_year_and_are_listed_in_number_order_several_levels_deep()
    {
        var codes = Enumerable.Range(1, 10).Select(i => Child(_parent.Code, $"学区{i}", new DateOnly(2018, 10, 1)).Code).ToList();
        var grandchild = Child(codes[1], "学区2第一所学校", new DateOnly(2018, 9, 1), _basicClerk);
        var nextTopLevel = _storage.Tasks.Create(Draft("另一项任务", _higher.Id, null), Actor.Console());

        Assert.Equal("2018-001-1", codes[0]);
        Assert.Equal("2018-001-10", codes[9]);
        Assert.Equal("2018-001-2-1", grandchild.Code);
        Assert.Equal("2018-002", nextTopLevel.Code); // child codes do not move the year's numbering
        Assert.Equal(codes, _storage.Tasks.Children(_parent.Id).Select(c => c.Code));
        Assert.Equal([_parent.Code, codes[1]], _storage.Tasks.Ancestors(grandchild).Select(a => a.Code));
        Assert.Equal(11, _storage.Tasks.Descendants(_parent.Id).Count);
        var history = Assert.Single(_storage.Tasks.History(grandchild.Id));
        Assert.Contains(history.Changes, c => c.Field == "上级任务" && c.After == codes[1]);
    }

    [Fact]
    public void A_department_decomposes_only_the_tasks_it_leads_into_tasks_it_leads_and_a_refusal_is_audited()
    {
        var mine = Child(_parent.Code, "本处室分解", new DateOnly(2018, 11, 30), _basicClerk);
        Assert.Equal(_basic.Id, mine.LeadDepartmentId);

        var foreign = Assert.Throws<AccessDeniedException>(() =>
            Child(_parent.Code, "越权分解", new DateOnly(2018, 11, 30), _higherClerk, _higher.Id));
        var elsewhere = Assert.Throws<AccessDeniedException>(() =>
            Child(_parent.Code, "交给别的处室", new DateOnly(2018, 11, 30), _basicClerk, _higher.Id));
        var leader = Assert.Throws<AccessDeniedException>(() =>
            Child(_parent.Code, "领导分解", new DateOnly(2018, 11, 30), new Actor("委领导王建国", UserRole.Leader)));

        Assert.Contains("无权在任务“2018-001”下添加子任务：处室只能在本处室牵头的任务下分解子任务", foreign.Message);
        Assert.Contains("子任务的牵头处室须是本处室", elsewhere.Message);
        Assert.Contains("无权在任务“2018-001”下添加子任务", leader.Message);
        Assert.Equal([mine.Code], _storage.Tasks.Children(_parent.Id).Select(c => c.Code));
        var denials = _storage.Audit.Find(action: "access.denied");
        Assert.Equal(3, denials.Count(d => d.Subject == "任务 2018-001"));
        Assert.Contains(denials, d => d.Who == _higherClerk.Name && d.Details.Contains("处室只能在本处室牵头的任务下分解子任务"));
    }

    [Fact]
    public void A_childs_deadline_fits_under_its_parents_and_the_parent_cannot_be_brought_before_a_child()
    {
        var late = Assert.Throws<DomainRuleException>(() => Child(_parent.Code, "晚于上级", new DateOnly(2019, 1, 15)));
        Assert.Equal("子任务的完成时限（2019-01-15）不能晚于上级任务“2018-001”的完成时限（2018-12-31）。", late.Message);
        Assert.Empty(_storage.Tasks.Children(_parent.Id));

        var child = Child(_parent.Code, "按期", new DateOnly(2018, 11, 30));
        var earlier = Assert.Throws<DomainRuleException>(() => _storage.Tasks.Adjust(_parent.Code, "目标",
            new DateOnly(2018, 10, 31), [], Decision(), _office));
        Assert.Contains($"子任务 {child.Code} 的完成时限晚于 2018-10-31", earlier.Message);
        Assert.Equal(new DateOnly(2018, 12, 31), _storage.Tasks.Find(_parent.Code)!.Deadline);
    }

    [Fact]
    public void A_red_child_turns_its_parent_red_but_is_counted_once_in_the_red_figures()
    {
        var overdue = Child(_parent.Code, "已逾期的子任务", new DateOnly(2018, 6, 30));
        Child(_parent.Code, "按期的子任务", new DateOnly(2018, 11, 30));

        var items = _storage.Tasks.List(new TaskFilter()).ToDictionary(i => i.Task.Code);
        var parent = items[_parent.Code];
        Assert.Equal(TrafficLight.Green, parent.Light); // its own deadline is far off
        Assert.Equal(TrafficLight.Red, parent.ShownLight);
        Assert.Equal([overdue.Code], parent.Rollup!.RedChildren);
        Assert.Equal("子任务 2 项：已办结 0 项，推进中 2 项，未启动或暂缓 0 项", parent.Rollup.Progress);
        Assert.Equal([overdue.Code], _storage.Tasks.List(new TaskFilter { Light = TrafficLight.Red }).Select(i => i.Task.Code));
        Assert.Null(items[overdue.Code].Rollup);
        // 催办 names the late child once, to its department; the parent's own deadline is not due.
        var reminders = new Core.Supervision.Reminders(_storage.Store, _storage.Tasks, _storage.Directory).Due();
        Assert.Equal([overdue.Code], reminders.Select(r => r.TaskCode));
    }

    [Fact]
    public void A_parent_is_not_completed_cancelled_or_paused_while_a_child_is_open()
    {
        var child = Child(_parent.Code, "子任务", new DateOnly(2018, 11, 30));
        var closure = new TaskClosure
            { EvidenceToFollow = true, ConfirmedBy = "赵志强", ConfirmedOn = new DateOnly(2018, 7, 9) };

        var complete = Assert.Throws<DomainRuleException>(() => _storage.Tasks.Complete(_parent.Code, closure, _office));
        var cancel = Assert.Throws<DomainRuleException>(() => _storage.Tasks.Cancel(_parent.Code, Decision(), _office));
        var pause = Assert.Throws<DomainRuleException>(() => _storage.Tasks.Pause(_parent.Code, Decision(), _office));

        Assert.Equal($"子任务 {child.Code} 尚未办结：子任务全部办结（或经决定撤销）后，上级任务才能办结。", complete.Message);
        Assert.Contains("请先逐项办结、撤销这些子任务", cancel.Message);
        Assert.Contains("请先逐项办结、撤销或暂缓这些子任务", pause.Message);
        Assert.Equal(KeyTaskStatus.InProgress, _storage.Tasks.Find(_parent.Code)!.Status);

        _storage.Tasks.Complete(child.Code, closure, _office);
        _storage.Tasks.Complete(_parent.Code, closure, _office);
        Assert.Equal(KeyTaskStatus.Completed, _storage.Tasks.Find(_parent.Code)!.Status);
        var reopen = Assert.Throws<DomainRuleException>(() => _storage.Tasks.Reopen(child.Code, "结果不实", _office));
        Assert.Contains("请先恢复或重新打开上级任务", reopen.Message);
        var under = Assert.Throws<DomainRuleException>(() => Child(_parent.Code, "办结后再分解", new DateOnly(2018, 11, 30)));
        Assert.Contains("不能再分解子任务", under.Message);
    }

    [Fact]
    public void A_task_cannot_be_made_its_own_ancestor()
    {
        var child = Child(_parent.Code, "子任务", new DateOnly(2018, 11, 30));
        var grandchild = Child(child.Code, "孙任务", new DateOnly(2018, 10, 31));

        var cycle = Assert.Throws<DomainRuleException>(() => _storage.Tasks.Move(_parent.Code, grandchild.Code, _office));
        var self = Assert.Throws<DomainRuleException>(() => _storage.Tasks.Move(child.Code, child.Code, _office));
        var clerk = Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Move(grandchild.Code, null, _basicClerk));

        Assert.Contains("会形成循环", cycle.Message);
        Assert.Contains("会形成循环", self.Message);
        Assert.Contains("无权新建或导入任务", clerk.Message);
        Assert.Null(_storage.Tasks.Find(_parent.Code)!.ParentId);
        Assert.Equal(child.Id, _storage.Tasks.Find(grandchild.Code)!.ParentId);

        var other = _storage.Tasks.Create(Draft("另一项任务", _basic.Id, new DateOnly(2018, 12, 31)), Actor.Console());
        _storage.Tasks.Move(grandchild.Code, other.Code, _office);
        Assert.Equal([other.Code], _storage.Tasks.Ancestors(_storage.Tasks.Find(grandchild.Code)!).Select(a => a.Code));
        Assert.Equal(TaskChangeKind.Moved, _storage.Tasks.History(grandchild.Id).First().Kind);
    }

    [Fact]
    public void A_task_stored_before_decomposition_existed_reads_as_a_top_level_task_and_can_be_decomposed()
    {
        _storage.Close();
        TestDatabase.RemoveTaskField(_storage.Path, nameof(KeyTask.ParentId));
        _storage.Reopen();

        var old = _storage.Tasks.Find(_parent.Code)!;
        Assert.Null(old.ParentId);
        var child = Child(old.Code, "旧任务的子任务", new DateOnly(2018, 11, 30));
        Assert.Equal([child.Code], _storage.Tasks.Children(old.Id).Select(c => c.Code));
        Assert.Equal(TrafficLight.Green, _storage.Tasks.List(new TaskFilter()).Single(i => i.Task.Code == old.Code).ShownLight);
    }
}
