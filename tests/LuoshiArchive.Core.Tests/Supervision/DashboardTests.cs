using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

public sealed class DashboardTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 3, 20));

    private async Task<DashboardFigures> AYearUntilMidJune()
    {
        var other = _world.Storage.Directory.SavePerson(new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader });
        var done = _world.Task("印发工作要点", _world.Office, new DateOnly(2018, 3, 31));
        Settled.As(_world.Storage.Store, done.Code, KeyTaskStatus.Completed);
        _world.Task("制定实施方案", _world.Office, new DateOnly(2018, 6, 1));
        var near = _world.Task("建立台账", _world.Office, new DateOnly(2018, 12, 31), (new DateOnly(2018, 6, 20), "形成初稿"));
        var survey = _world.Task("课后服务调研", _world.Basic, new DateOnly(2018, 12, 31), (new DateOnly(2018, 3, 31), "完成调研"));
        foreach (var code in new[] { near.Code, survey.Code })
        {
            var d = TaskDraft.From(_world.Storage.Tasks.Find(code)!);
            d.SupervisingLeaderId = other.Id;
            _world.Storage.Tasks.Update(code, d, Actor.Console());
        }
        await _world.Report(survey, new DateOnly(2018, 3, 20), "调研问卷已发放");
        await _world.Progress.CompleteMilestoneAsync(survey.Code, survey.Milestones[0].Id, [], [], true, _world.BasicClerk);
        _world.Clock.MoveTo(new DateOnly(2018, 6, 15));
        await _world.Report(near, new DateOnly(2018, 6, 12), "初稿起草中");
        _world.Supervision.Issue(new SupervisionOrderDraft { TaskCode = near.Code, What = "按期形成初稿", Due = new DateOnly(2018, 6, 20) }, _world.Supervisor);
        return _world.Dashboard.For(2018, Actor.Console());
    }

    [Fact]
    public async Task The_figures_count_completion_by_department_overdue_by_leader_lights_and_months()
    {
        var figures = await AYearUntilMidJune();

        Assert.Equal(4, figures.Total.Count);
        Assert.Equal((2, 1, 1), (figures.Lights[TrafficLight.Green].Count, figures.Lights[TrafficLight.Yellow].Count, figures.Lights[TrafficLight.Red].Count));
        Assert.Equal([("办公室", 3, 1, 1, 33), ("基础教育处", 1, 0, 0, 0)],
            figures.Departments.Select(d => (d.Name, d.Total.Count, d.Completed.Count, d.Overdue.Count, d.Percent)));
        Assert.Equal([("王建国", 2, 1, 0), ("李红梅", 2, 0, 1)],
            figures.Leaders.Select(l => (l.Name, l.Total.Count, l.Overdue.Count, l.Warning.Count)));
        var march = figures.Months[2];
        Assert.Equal((1, 1, 1), (march.MilestonesDue.Count, march.MilestonesDone.Count, march.Reported.Count));
        var june = figures.Months[5];
        Assert.Equal((1, 0, 1), (june.MilestonesDue.Count, june.MilestonesDone.Count, june.Reported.Count));
        Assert.Equal(0, figures.Months[0].Reported.Count);
        Assert.Equal(1, figures.Orders[SupervisionOrderState.Open]);
    }

    [Fact]
    public async Task Every_figure_is_the_length_of_the_task_list_it_links_to()
    {
        var figures = await AYearUntilMidJune();
        var all = new List<Figure> { figures.Total };
        all.AddRange(figures.Lights.Values);
        all.AddRange(figures.Departments.SelectMany(d => new[] { d.Total, d.Completed, d.Overdue }));
        all.AddRange(figures.Leaders.SelectMany(l => new[] { l.Total, l.Overdue, l.Warning }));
        all.AddRange(figures.Months.SelectMany(m => new[] { m.MilestonesDue, m.MilestonesDone, m.Reported }));

        foreach (var figure in all) Assert.Equal(figure.Count, _world.Storage.Tasks.List(figure.Filter).Count);
        Assert.All(all, f => Assert.Equal(2018, f.Filter.Year));
    }

    [Fact]
    public void The_default_year_is_this_year_or_the_latest_with_tasks()
    {
        Assert.Equal(2018, _world.Dashboard.DefaultYear());
        _world.Task("任务", _world.Office, new DateOnly(2018, 12, 31));
        _world.Clock.MoveTo(new DateOnly(2019, 1, 3));
        Assert.Equal(2018, _world.Dashboard.DefaultYear());
    }

    public void Dispose() => _world.Dispose();
}
