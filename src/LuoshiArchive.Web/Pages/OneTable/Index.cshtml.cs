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
    /// <summary>树形 (parents with their children indented) or 仅末级任务; <c>view=tree|leaves</c> in the URL.</summary>
    public OneTableView View { get; private set; }

    public void OnGet(int? year, TaskListKind? listKind, int? department, int? leader, KeyTaskStatus? status, string? view)
    {
        Filter = FilterFor(year, listKind, department, leader, status);
        View = ViewOf(view);
        Rows = oneTable.Rows(Filter, User.Actor(), View);
    }

    public IActionResult OnGetXlsx(int? year, TaskListKind? listKind, int? department, int? leader, KeyTaskStatus? status,
        string? view)
    {
        var filter = FilterFor(year, listKind, department, leader, status);
        var file = new MemoryStream();
        oneTable.ExportXlsx(filter, User.Actor(), file, ViewOf(view));
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            oneTable.Caption(filter, ViewOf(view)).FileName);
    }

    /// <summary>The view named in the URL; anything but "leaves" is the tree.</summary>
    private static OneTableView ViewOf(string? view) => view == "leaves" ? OneTableView.Leaves : OneTableView.Tree;

    /// <summary>The page's URL with the given view, every filter kept.</summary>
    public string UrlWithView(string view)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Request.QueryString.Value)
            .Where(q => q.Key != "view").ToDictionary(q => q.Key, q => q.Value);
        query["view"] = view;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/OneTable", query);
    }

    private TaskFilter FilterFor(int? year, TaskListKind? listKind, int? department, int? leader, KeyTaskStatus? status) => new()
    {
        Year = year ?? (Years.Count > 0 ? Years[0] : null),
        ListKind = listKind, LeadDepartmentId = department, SupervisingLeaderId = leader, Status = status,
    };
}
