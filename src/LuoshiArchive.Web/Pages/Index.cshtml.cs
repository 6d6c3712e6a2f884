using LuoshiArchive.Core;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages;

/// <summary>
/// Home: the signed-in user's reminders (催办) and the year's dashboard: completion by department, overdue by
/// supervising leader, traffic lights, the months' trend; every number links to the tasks behind it.
/// </summary>
public class IndexModel(Dashboard dashboard, Reminders reminders, TaskRegistry tasks) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;
    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public void OnGet(int? year)
    {
        Years = tasks.Years();
        Figures = dashboard.For(year is >= 2000 and <= 2100 ? year.Value : dashboard.DefaultYear(), User.Actor());
        Reminders = reminders.Due(Core.Supervision.Reminders.DefaultDays, User.Actor());
    }

    public static string Link(Figure figure) => TaskListLink.For(figure.Filter);

    public BarChart DepartmentChart() => new("departments", "各处室任务完成情况",
        [new("全部任务", ChartPattern.Dots, "#e6e6e6"), new("已完成", ChartPattern.Solid, "#1e6b2f"), new("逾期", ChartPattern.Cross, "#f2b8b8")],
        Figures.Departments.Select(d => new ChartGroup(d.Name,
            [new(d.Total.Count, Link(d.Total), 0), new(d.Completed.Count, Link(d.Completed), 1), new(d.Overdue.Count, Link(d.Overdue), 2)])).ToList());

    public BarChart LeaderChart() => new("leaders", "分管委领导任务逾期情况",
        [new("全部任务", ChartPattern.Dots, "#e6e6e6"), new("逾期", ChartPattern.Cross, "#f2b8b8"), new("预警", ChartPattern.Diagonal, "#f5dc8c")],
        Figures.Leaders.Select(l => new ChartGroup(l.Name,
            [new(l.Total.Count, Link(l.Total), 0), new(l.Overdue.Count, Link(l.Overdue), 1), new(l.Warning.Count, Link(l.Warning), 2)])).ToList());

    public BarChart LightChart() => new("lights", "信号灯",
        [new("● 正常", ChartPattern.Solid, "#1e6b2f"), new("▲ 预警", ChartPattern.Diagonal, "#f5dc8c"), new("■ 逾期", ChartPattern.Cross, "#f2b8b8")],
        Enum.GetValues<TrafficLight>().Select((l, i) => new ChartGroup(ChineseLabels.Of(l), [new(Figures.Lights[l].Count, Link(Figures.Lights[l]), i)])).ToList());

    public BarChart TrendChart() => new("trend", "逐月趋势",
        [new("有节点到期的任务", ChartPattern.Dots, "#e6e6e6"), new("有节点完成的任务", ChartPattern.Solid, "#1e6b2f"), new("报送进展的任务", ChartPattern.Diagonal, "#b9cdf0")],
        Figures.Months.Select(m => new ChartGroup(m.Month + "月",
            [new(m.MilestonesDue.Count, Link(m.MilestonesDue), 0), new(m.MilestonesDone.Count, Link(m.MilestonesDone), 1),
             new(m.Reported.Count, Link(m.Reported), 2)])).ToList());
}
