using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>
/// The task list (任务清单): filters, traffic lights, evidence counts. The dashboard's numbers link here with the same
/// filters that counted them (including milestone months and lists of codes).
/// </summary>
public class IndexModel(TaskRegistry tasks, OrganisationDirectory directory, Core.Tasks.ReadAccess reading) : PageModel
{
    public TaskFilter Filter { get; private set; } = new();
    public IReadOnlyList<TaskListItem> Items { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<Person> Leaders { get; private set; } = [];

    public void OnGet(int? year, TaskListKind? listKind, TaskSource? source, int? department, int? leader,
        KeyTaskStatus? status, TrafficLight? light, string? q, int? dueMonth, int? doneMonth, string? codes)
    {
        Years = tasks.Years();
        Filter = new TaskFilter
        {
            Year = year ?? (Years.Count > 0 ? Years[0] : null),
            ListKind = listKind, Source = source, LeadDepartmentId = department, SupervisingLeaderId = leader,
            Status = status, Light = light, Text = q,
            MilestoneDueMonth = dueMonth, MilestoneDoneMonth = doneMonth, Codes = Infrastructure.TaskListLink.Codes(codes),
        };
        Items = reading.List(Filter, User.Actor());
        Departments = directory.Departments();
        Leaders = directory.Leaders();
    }
}
