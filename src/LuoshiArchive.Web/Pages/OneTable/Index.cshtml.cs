using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.OneTable;

/// <summary>工作落实清单一览表: on screen, printable (A4 landscape), exported to XLSX.</summary>
public class IndexModel(OneTableService oneTable, TaskRegistry tasks, OrganisationDirectory directory) : PageModel
{
    public TaskFilter Filter { get; private set; } = new();
    public IReadOnlyList<OneTableRow> Rows { get; private set; } = [];
    public IReadOnlyList<int> Years => tasks.Years();
    public IReadOnlyList<Department> Departments => directory.Departments();
    public IReadOnlyList<Person> Leaders => directory.Leaders();

    public void OnGet(int? year, TaskListKind? listKind, int? department, int? leader, KeyTaskStatus? status)
    {
        Filter = FilterFor(year, listKind, department, leader, status);
        Rows = oneTable.Rows(Filter, User.Actor());
    }

    public IActionResult OnGetXlsx(int? year, TaskListKind? listKind, int? department, int? leader, KeyTaskStatus? status)
    {
        var filter = FilterFor(year, listKind, department, leader, status);
        var file = new MemoryStream();
        oneTable.ExportXlsx(filter, User.Actor(), file);
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"工作落实清单一览表{(filter.Year is { } y ? "-" + y : "")}.xlsx");
    }

    private TaskFilter FilterFor(int? year, TaskListKind? listKind, int? department, int? leader, KeyTaskStatus? status) => new()
    {
        Year = year ?? (Years.Count > 0 ? Years[0] : null),
        ListKind = listKind, LeadDepartmentId = department, SupervisingLeaderId = leader, Status = status,
    };
}
