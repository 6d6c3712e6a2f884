using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// The figures of the home page's dashboard for one year. Each is counted with the same <see cref="TaskFilter"/> the
/// task list applies when the number is clicked, so the number and the list behind it always agree.
/// </summary>
public sealed class Dashboard(ISupervisionStore store, TaskRegistry tasks, ProgressLog progress, OrganisationDirectory directory,
    Tasks.ReadAccess reading, Incoming.IncomingRegister incoming)
{
    /// <summary>The year shown by default: this year if it has tasks, else the latest year that has.</summary>
    public int DefaultYear()
    {
        var years = tasks.Years();
        return years.Contains(tasks.Today.Year) || years.Count == 0 ? tasks.Today.Year : years[0];
    }

    /// <summary>The figures of the tasks <paramref name="actor"/> may read (<see cref="Tasks.ReadAccess"/>).</summary>
    public DashboardFigures For(int year, Accounts.Actor actor)
    {
        var items = reading.List(new TaskFilter { Year = year }, actor);
        Figure Count(TaskFilter filter) => new(items.Count(filter.Matches), filter);
        var all = new TaskFilter { Year = year };

        var departments = directory.Departments()
            .Where(d => items.Any(i => i.Task.LeadDepartmentId == d.Id))
            .Select(d =>
            {
                var mine = all with { LeadDepartmentId = d.Id };
                return new DepartmentFigures(d.Id, d.Name, Count(mine), Count(mine with { Status = KeyTaskStatus.Completed }),
                    Count(mine with { Light = TrafficLight.Red }));
            }).ToList();
        var leaders = directory.Leaders()
            .Where(p => items.Any(i => i.Task.SupervisingLeaderId == p.Id))
            .Select(p =>
            {
                var theirs = all with { SupervisingLeaderId = p.Id };
                return new LeaderFigures(p.Id, p.Name, Count(theirs), Count(theirs with { Light = TrafficLight.Red }),
                    Count(theirs with { Light = TrafficLight.Yellow }));
            }).ToList();
        var lights = Enum.GetValues<TrafficLight>().ToDictionary(l => l, l => Count(all with { Light = l }));

        var reported = progress.Between(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            .GroupBy(e => e.Date.Month).ToDictionary(g => g.Key, g => g.Select(e => e.TaskCode).Distinct().Order(StringComparer.Ordinal).ToList());
        var months = Enumerable.Range(1, 12).Select(m => new MonthFigures(m,
            Count(all with { MilestoneDueMonth = m }), Count(all with { MilestoneDoneMonth = m }),
            Count(all with { Codes = reported.GetValueOrDefault(m) ?? [] }))).ToList();

        var today = tasks.Today;
        var orders = reading.Only(store.SupervisionOrders.Find(o => o.Year == year), o => o.TaskId, actor);
        var orderCounts = Enum.GetValues<SupervisionOrderState>().ToDictionary(s => s, s => orders.Count(o => o.StateOn(today) == s));
        // Received items (来文来件) counted like milestones: by state, 逾期 among them.
        var received = incoming.List(year, actor).Select(i => i.StateOn(today)).ToList();
        var incomingCounts = Enum.GetValues<Incoming.IncomingState>().ToDictionary(s => s, s => received.Count(r => r == s));
        return new DashboardFigures(year, today, Count(all), departments, leaders, lights, months, orderCounts, incomingCounts);
    }
}
