using LuoshiArchive.Core;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Text;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Meetings;

/// <summary>One meeting: agenda, decisions (to tasks), and its minutes, uploaded or written here.</summary>
public class DetailsModel(MeetingRegister meetings, OrganisationDirectory directory) : PageModel
{
    public Meeting Meeting { get; private set; } = new();
    public MeetingRegister Register => meetings;
    public OrganisationDirectory Directory => directory;

    public IActionResult OnGet(int id)
    {
        var meeting = meetings.Find(id, User.Actor());
        if (meeting is null) return NotFound();
        Meeting = meeting;
        return Page();
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id, IFormFile? file, string? tasks, string? text, CancellationToken cancellationToken)
    {
        if (meetings.Find(id) is null) return NotFound();
        var extra = (tasks ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            Core.Dossiers.Evidence evidence;
            if (file is { Length: > 0 })
            {
                await using var stream = file.OpenReadStream();
                evidence = await meetings.AttachMinutesAsync(id, stream, file.FileName, extra, User.Actor(), cancellationToken);
            }
            else
            {
                var paragraphs = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                evidence = await meetings.WriteMinutesAsync(id, paragraphs, extra, User.Actor(), cancellationToken);
            }
            TempData["Message"] = $"纪要已归入 {evidence.Links.Count} 项任务的档案。";
        }
        catch (Exception e) when (e is DomainRuleException or ExtractionException)
        {
            TempData["Error"] = "纪要未保存：" + e.Message;
        }
        return RedirectToPage(new { id });
    }

    public IActionResult OnPostDecision(int id, Guid decision)
    {
        try
        {
            var task = meetings.DecisionToTask(id, decision, User.Actor());
            TempData["Message"] = $"已转为任务 {task.Code}，请补全目标、标准和时限。";
            return Redirect($"/Tasks/{task.Code}");
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
            return RedirectToPage(new { id });
        }
    }
}
