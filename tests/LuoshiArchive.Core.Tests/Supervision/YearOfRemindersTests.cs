using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

/// <summary>One clock moved through 2018: milestones come due at 7 and 3 days, go overdue, orders are answered or not.</summary>
public sealed class YearOfRemindersTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 1, 2));
    private readonly KeyTask _plan;
    private readonly KeyTask _survey;

    public YearOfRemindersTests()
    {
        _plan = _world.Task("制定落实长效机制实施方案", _world.Office, new DateOnly(2018, 12, 31),
            (new DateOnly(2018, 3, 31), "形成方案"), (new DateOnly(2018, 6, 30), "中期评估"));
        _survey = _world.Task("开展课后服务专题调研", _world.Basic, new DateOnly(2018, 9, 30),
            (new DateOnly(2018, 4, 15), "完成调研"));
    }

    private IReadOnlyList<Reminder> DueOn(string day, Actor? actor = null)
    {
        _world.Clock.MoveTo(DateOnly.Parse(day));
        return _world.Reminders.Due(Reminders.DefaultDays, actor);
    }

    [Fact]
    public async Task Milestones_and_orders_come_due_go_overdue_and_drop_out_when_answered_through_the_year()
    {
        Assert.Empty(DueOn("2018-01-02"));

        var week = Assert.Single(DueOn("2018-03-24"));
        Assert.Equal((ReminderKind.Milestone, "形成方案", 7, 7, "coming", "7天内到期"), (week.Kind, week.What, week.DaysLeft, week.Step, week.State, week.Urgency));
        Assert.Equal(TrafficLight.Yellow, _world.Storage.Tasks.Find(_plan.Code)!.LightOn(_world.Storage.Tasks.Today));

        var threeDays = Assert.Single(DueOn("2018-03-28"));
        Assert.Equal((3, 3, "3天内到期"), (threeDays.DaysLeft, threeDays.Step, threeDays.Urgency));
        Assert.Equal("今天到期", Assert.Single(DueOn("2018-03-31")).Urgency);

        var overdue = Assert.Single(DueOn("2018-04-01"));
        Assert.Equal((-1, 0, "overdue", "已逾期1天"), (overdue.DaysLeft, overdue.Step, overdue.State, overdue.Urgency));

        // The office orders the department to explain and catch up; the order is a reminder of its own.
        var order = _world.Supervision.Issue(new SupervisionOrderDraft
        {
            TaskCode = _plan.Code, What = "说明方案未按期形成的原因，提出整改措施", Due = new DateOnly(2018, 4, 10),
        }, _world.Supervisor);
        Assert.Equal(_world.Office.Id, order.DepartmentId);
        var withOrder = DueOn("2018-04-03", _world.OfficeClerk);
        Assert.Equal([ReminderKind.Milestone, ReminderKind.Order], withOrder.Select(r => r.Kind));
        Assert.Equal(order.Id, withOrder[1].OrderId);
        Assert.Equal(["完成调研"], DueOn("2018-04-08", _world.BasicClerk).Select(r => r.What)); // only their own department's

        _world.Clock.MoveTo(new DateOnly(2018, 4, 9));
        await _world.Supervision.ReplyAsync(order.Id, new ProgressDraft { Date = new DateOnly(2018, 4, 9), Text = "方案已报委领导审定" }, [], _world.OfficeClerk);
        await _world.Progress.CompleteMilestoneAsync(_plan.Code, _plan.Milestones[0].Id, [],
            [SupervisionWorld.File("实施方案.txt", "落实长效机制实施方案（审定稿）")], false, _world.OfficeClerk);
        Assert.Equal(SupervisionOrderState.Answered, _world.Supervision.Find(order.Id)!.StateOn(_world.Storage.Tasks.Today));
        Assert.DoesNotContain(DueOn("2018-04-09", _world.OfficeClerk), r => r.TaskCode == _plan.Code);

        // An order left unanswered goes overdue.
        var late = _world.Supervision.Issue(new SupervisionOrderDraft
        {
            TaskCode = _survey.Code, What = "报送调研进展", Due = new DateOnly(2018, 4, 12),
        }, _world.Supervisor);
        _world.Clock.MoveTo(new DateOnly(2018, 4, 13));
        Assert.Equal(SupervisionOrderState.Overdue, _world.Supervision.Find(late.Id)!.StateOn(_world.Storage.Tasks.Today));
        Assert.Equal([late.Id], _world.Supervision.List(state: SupervisionOrderState.Overdue).Select(o => o.Id));
        Assert.Equal([order.Id], _world.Supervision.List(state: SupervisionOrderState.Answered).Select(o => o.Id));
        Assert.Contains(DueOn("2018-04-13"), r => r is { Kind: ReminderKind.Order, State: "overdue" });

        // The survey's deadline comes due, then passes: the task turns red.
        Assert.Contains(DueOn("2018-09-24"), r => r is { Kind: ReminderKind.Deadline, TaskCode: var c, DaysLeft: 6 } && c == _survey.Code);
        Assert.Contains(DueOn("2018-10-01"), r => r is { Kind: ReminderKind.Deadline, State: "overdue" });
        Assert.Equal(TrafficLight.Red, _world.Storage.Tasks.Find(_survey.Code)!.LightOn(_world.Storage.Tasks.Today));

        // A task completed is reminded of no more.
        Settled.As(_world.Storage.Store, _survey.Code, KeyTaskStatus.Completed);
        Assert.DoesNotContain(DueOn("2018-10-02"), r => r.TaskCode == _survey.Code && r.Kind != ReminderKind.Order);
    }

    [Fact]
    public void A_longer_window_reaches_further_and_a_negative_one_is_refused()
    {
        _world.Clock.MoveTo(new DateOnly(2018, 3, 1));
        Assert.Empty(_world.Reminders.Due(7));
        Assert.Equal(["形成方案"], _world.Reminders.Due(30).Select(r => r.What));
        Assert.Throws<DomainRuleException>(() => _world.Reminders.Due(-1));
    }

    [Fact]
    public async Task An_answered_late_order_is_marked_so()
    {
        var order = _world.Supervision.Issue(new SupervisionOrderDraft
            { TaskCode = _plan.Code, What = "报送方案", Due = new DateOnly(2018, 1, 10) }, _world.Supervisor);
        _world.Clock.MoveTo(new DateOnly(2018, 1, 12));
        await _world.Supervision.ReplyAsync(order.Id, new ProgressDraft { Date = new DateOnly(2018, 1, 12), Text = "已报送" }, [], _world.OfficeClerk);

        var answered = _world.Supervision.Find(order.Id)!;
        Assert.True(answered.AnsweredLate);
        Assert.Equal(SupervisionOrderState.Answered, answered.StateOn(_world.Storage.Tasks.Today));
    }

    public void Dispose() => _world.Dispose();
}
