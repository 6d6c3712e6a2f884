using LuoshiArchive.Core.Inspection;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Inspection;

/// <summary>The inspection view (迎检): a department, a leader's area or chosen tasks, their gaps, and one ZIP of dossiers.</summary>
public class IndexModel(InspectionService inspection, OrganisationDirectory directory, TaskRegistry tasks) : PageModel
{
    public InspectionSelection Selection { get; private set; } = new();
    public IReadOnlyList<InspectionRow> Rows { get; private set; } = [];
    public IReadOnlyList<Department> Departments => directory.Departments();
    public IReadOnlyList<Person> Leaders => directory.Leaders();
    public IReadOnlyList<int> Years => tasks.Years();
    /// <summary>The year's tasks the user may read, for the task picker.</summary>
    public IReadOnlyList<TaskListItem> Choosable { get; private set; } = [];

    /// <param name="tasks">Task codes typed or linked, separated by commas (kept for links made before the picker).</param>
    /// <param name="task">Tasks ticked in the picker.</param>
    /// <param name="gap">The gaps that count, when <paramref name="gapsChosen"/> says the office chose them.</param>
    public void OnGet(int? year, int? department, int? leader, string? tasks, string[]? task, InspectionGap[]? gap,
        bool gapsChosen = false)
    {
        Selection = Select(year, department, leader, tasks, task, gap, gapsChosen);
        Rows = inspection.Rows(Selection, User.Actor());
        Choosable = inspection.Choosable(Selection.Year, User.Actor());
    }

    public IActionResult OnGetZip(int? year, int? department, int? leader, string? tasks, string[]? task,
        InspectionGap[]? gap, bool gapsChosen = false)
    {
        var selection = Select(year, department, leader, tasks, task, gap, gapsChosen);
        if (selection.IsEmpty) return BadRequest("请先选择处室、分管委领导或任务。");
        // Built in a temp file first: a failure half-way never reaches the user as a truncated download.
        var path = Path.GetTempFileName();
        try
        {
            using var file = System.IO.File.Create(path);
            inspection.WriteZip(selection, User.Actor(), file);
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose);
        return File(stream, "application/zip", $"迎检材料-{DateTime.Now:yyyyMMdd-HHmm}.zip");
    }

    private InspectionSelection Select(int? year, int? department, int? leader, string? codes, string[]? ticked,
        InspectionGap[]? gaps, bool gapsChosen) => new()
    {
        Year = year ?? (Years.Count > 0 ? Years[0] : null),
        DepartmentId = department, SupervisingLeaderId = leader,
        TaskCodes = (codes ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(ticked ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList(),
        Gaps = gapsChosen ? (gaps ?? []).ToHashSet() : InspectionGaps.Default,
    };
}
