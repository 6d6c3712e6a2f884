using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// Reminders (催办): unfinished milestones, task deadlines and unanswered supervision orders due within a number of
/// days (7 by default; the home page marks 7, 3 and overdue) or already overdue. A department user sees what concerns
/// their department; everyone else sees all.
/// </summary>
public sealed class Reminders(ISupervisionStore store, TaskRegistry tasks, OrganisationDirectory directory)
{
    public const int DefaultDays = KeyTask.WarningDays;

    public IReadOnlyList<Reminder> Due(int days = DefaultDays, Actor? actor = null)
    {
        if (days is < 0 or > 366) throw new DomainRuleException("提前天数应在0至366之间。");
        var today = tasks.Today;
        var horizon = today.AddDays(days);
        var department = actor is { Role: UserRole.DepartmentUser } ? actor.DepartmentId ?? -1 : (int?)null;
        var names = directory.Departments().ToDictionary(d => d.Id, d => d.Name);
        string NameOf(int? id) => id is { } i ? names.GetValueOrDefault(i, "") : "";
        var reminders = new List<Reminder>();

        var open = store.Tasks.FindAll().Where(t => !t.IsSettled)
            .Where(t => department is not { } d || t.LeadDepartmentId == d || t.CooperatingDepartmentIds.Contains(d)).ToList();
        foreach (var task in open)
        {
            foreach (var m in task.Milestones.Where(m => !m.Done && m.Due <= horizon))
                reminders.Add(new Reminder(ReminderKind.Milestone, task.Code, task.Name, m.Description, m.Due,
                    m.Due.DayNumber - today.DayNumber, task.LeadDepartmentId, NameOf(task.LeadDepartmentId)));
            if (task.Deadline is { } deadline && deadline <= horizon)
                reminders.Add(new Reminder(ReminderKind.Deadline, task.Code, task.Name, "完成时限：" + task.Name, deadline,
                    deadline.DayNumber - today.DayNumber, task.LeadDepartmentId, NameOf(task.LeadDepartmentId)));
        }

        var taskNames = store.Tasks.FindAll().ToDictionary(t => t.Id, t => t.Name);
        foreach (var order in store.SupervisionOrders.FindAll().Where(o => o.IsOutstanding && o.Due <= horizon)
                     .Where(o => department is not { } d || o.DepartmentId == d))
            reminders.Add(new Reminder(ReminderKind.Order, order.TaskCode, taskNames.GetValueOrDefault(order.TaskId, ""),
                $"{order.Number}：{order.What}", order.Due, order.Due.DayNumber - today.DayNumber, order.DepartmentId,
                NameOf(order.DepartmentId), order.Id));

        foreach (var item in store.IncomingItems.Find(i => i.DoneOn == null).Where(i => i.Deadline is { } d && d <= horizon))
        {
            var itemTasks = item.TaskIds.Select(id => store.Tasks.FindById(id)).OfType<KeyTask>().ToList();
            if (department is { } d && !itemTasks.Any(t => t.LeadDepartmentId == d || t.CooperatingDepartmentIds.Contains(d)))
                continue;
            var lead = itemTasks.FirstOrDefault()?.LeadDepartmentId;
            reminders.Add(new Reminder(ReminderKind.Incoming, itemTasks.FirstOrDefault()?.Code ?? "", item.Title,
                $"{ChineseLabels.Of(item.Kind)}《{item.Title}》{(item.From.Length > 0 ? "（" + item.From + "）" : "")}",
                item.Deadline!.Value, item.Deadline.Value.DayNumber - today.DayNumber, lead, NameOf(lead), IncomingId: item.Id));
        }

        return reminders.OrderBy(r => r.Due).ThenBy(r => r.TaskCode, StringComparer.Ordinal).ThenBy(r => r.Kind).ToList();
    }
}
