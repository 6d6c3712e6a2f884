using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>
/// 办结、撤销与暂缓: the only page that changes a task's status. 办结 with evidence (or 佐证材料后补) and the lead
/// department head's confirmation; 撤销, 暂缓 and 恢复 under a leader decision; the office reopens. Core decides who may.
/// </summary>
public class CloseModel(TaskRegistry tasks, ReadAccess reading, DossierService dossiers, OrganisationDirectory directory)
    : FormPageModel
{
    [BindProperty] public List<int> Evidence { get; set; } = [];
    [BindProperty] public bool ToFollow { get; set; }
    [BindProperty] public string? ConfirmedBy { get; set; }
    [BindProperty] public DateOnly? ConfirmedOn { get; set; }
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public DateOnly? DecidedOn { get; set; }
    [BindProperty] public string? Occasion { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public KeyTask Task { get; private set; } = new();
    public IReadOnlyList<Core.Dossiers.Evidence> Dossier { get; private set; } = [];
    public IReadOnlyList<Person> Heads { get; private set; } = [];
    public IReadOnlyList<Person> Leaders => directory.Leaders();

    public IActionResult OnGet(string code) => Load(code) ? Page() : NotFound();

    public IActionResult OnPostComplete(string code) => Do(code, "任务已办结。", () => tasks.Complete(code, new TaskClosure
    {
        EvidenceIds = Evidence, EvidenceToFollow = ToFollow, ConfirmedBy = ConfirmedBy ?? "",
        ConfirmedOn = ConfirmedOn ?? default,
    }, User.Actor()));

    public IActionResult OnPostCancel(string code) => Do(code, "任务已撤销。", () => tasks.Cancel(code, Decision(), User.Actor()));

    public IActionResult OnPostPause(string code) => Do(code, "任务已暂缓。", () => tasks.Pause(code, Decision(), User.Actor()));

    public IActionResult OnPostResume(string code) => Do(code, "任务已恢复推进。", () => tasks.Resume(code, Decision(), User.Actor()));

    public IActionResult OnPostReopen(string code) =>
        Do(code, "任务已重新打开。", () => tasks.Reopen(code, Reason ?? "", User.Actor()));

    public override IActionResult Refused()
    {
        Load(Task.Code);
        return Page();
    }

    private IActionResult Do(string code, string message, Action change)
    {
        if (!Load(code)) return NotFound();
        change();
        TempData["Message"] = message;
        return Redirect($"/Tasks/{Uri.EscapeDataString(code)}");
    }

    private LeaderDecision Decision() => new()
    {
        DecidedBy = DecidedBy?.Trim() ?? "", DecidedOn = DecidedOn ?? default,
        Occasion = Occasion?.Trim() ?? "", Reason = Reason?.Trim() ?? "",
    };

    private bool Load(string code)
    {
        var task = reading.Read(code, User.Actor());
        if (task is null) return false;
        Task = task;
        Dossier = dossiers.DossierOf(task.Id);
        Heads = directory.People().Where(p => p.Role == PersonRole.Head && p.DepartmentId == task.LeadDepartmentId).ToList();
        return true;
    }
}
