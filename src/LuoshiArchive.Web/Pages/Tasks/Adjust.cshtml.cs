using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>Adjustment (调整) of target or schedule: saved only with the leader decision that authorises it.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.AdjustTask))]
public class AdjustModel(TaskRegistry tasks, OrganisationDirectory directory) : FormPageModel
{
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public List<MilestoneInput> Milestones { get; set; } = [];
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public DateOnly? DecidedOn { get; set; }
    [BindProperty] public string? Occasion { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public KeyTask Task { get; private set; } = new();
    public IReadOnlyList<Person> Leaders => directory.Leaders();

    public IActionResult OnGet(string code)
    {
        var task = tasks.Find(code);
        if (task is null) return NotFound();
        Task = task;
        Target = task.Target;
        Deadline = task.Deadline;
        Milestones = MilestoneInput.FromMilestones(task.Milestones);
        return Page();
    }

    public IActionResult OnPost(string code)
    {
        var task = tasks.Find(code);
        if (task is null) return NotFound();
        Task = task;
        if (!ModelState.IsValid)
        {
            Errors.AddRange(ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => $"“{TaskForm.LabelOf(e.Key)}”的值无效"));
            return Page();
        }
        var decision = new LeaderDecision
        {
            DecidedBy = DecidedBy?.Trim() ?? "", DecidedOn = DecidedOn ?? default,
            Occasion = Occasion?.Trim() ?? "", Reason = Reason?.Trim() ?? "",
        };
        tasks.Adjust(code, Target ?? "", Deadline, MilestoneInput.ToMilestones(Milestones), decision, User.Actor());
        TempData["Message"] = "调整已保存，原计划保留在变更记录中。";
        return RedirectToPage("Details", new { code });
    }

    /// <summary>The milestones typed, in the rows the form shows (empty ones dropped, spare ones added).</summary>
    public override IActionResult Refused()
    {
        Milestones = MilestoneInput.FromMilestones(MilestoneInput.ToMilestones(Milestones));
        return Page();
    }
}
