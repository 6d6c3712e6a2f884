using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>One task: its four lists, milestones, four clarities and the history of every change.</summary>
public class DetailsModel(TaskRegistry tasks, OrganisationDirectory directory) : PageModel
{
    public KeyTask Task { get; private set; } = new();
    public TrafficLight Light { get; private set; }
    public IReadOnlyList<TaskHistoryEntry> History { get; private set; } = [];
    public OrganisationDirectory Directory => directory;
    public DateOnly Today => tasks.Today;

    public IActionResult OnGet(string code)
    {
        var task = tasks.Find(code);
        if (task is null) return NotFound();
        Task = task;
        Light = task.LightOn(tasks.Today);
        History = tasks.History(task.Id);
        return Page();
    }

    public IActionResult OnPostMilestone(string code, Guid milestone, bool done)
    {
        try
        {
            tasks.MarkMilestone(code, milestone, done, User.Actor());
            TempData["Message"] = done ? "时间节点已标记为完成。" : "时间节点已改回未完成。";
        }
        catch (DomainRuleException e)
        {
            TempData["Message"] = e.Message;
        }
        return RedirectToPage(new { code });
    }
}
