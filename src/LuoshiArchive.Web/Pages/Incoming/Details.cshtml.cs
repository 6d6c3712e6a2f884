using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.Incoming;

/// <summary>One received item: 拟办 (office), 批示 (a leader, or the office from paper), 交办, 办结 with the reply.</summary>
public class DetailsModel(IncomingRegister register, OrganisationDirectory directory) : FormPageModel
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Leader { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Codes { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? DepartmentId { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Result { get; set; }

    public IncomingItem Item { get; private set; } = new();
    public IReadOnlyList<KeyTask> Tasks { get; private set; } = [];
    public IReadOnlyList<Core.Dossiers.Evidence> Dossier { get; private set; } = [];
    public IReadOnlyList<Department> Departments => directory.Departments();
    public IReadOnlyList<Person> Leaders => directory.Leaders();
    public DateOnly Today => register.Today;

    public IActionResult OnGet(int id) => Load(id) ?? Page();

    public IActionResult OnPostPropose(int id) => Do(id, "拟办意见已保存。", () => register.Propose(id, Text ?? "", User.Actor()));

    public IActionResult OnPostInstruct(int id) => Do(id, "批示已记录。",
        () => register.Instruct(id, Leader ?? "", On ?? default, Text ?? "", User.Actor()));

    public IActionResult OnPostAssign(int id) => Do(id, "已交办。", () => register.Assign(id,
        (Codes ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        User.Actor()));

    public IActionResult OnPostAssignNew(int id)
    {
        if (Load(id) is { } missing) return missing;
        var task = register.AssignNewTask(id, Name ?? "", DepartmentId, Deadline, User.Actor());
        TempData["Message"] = $"已交办，新建任务 {task.Code}。";
        return Redirect($"/Incoming/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, IFormFile? reply, CancellationToken cancellationToken)
    {
        if (Load(id) is { } missing) return missing;
        await using var content = reply is { Length: > 0 } ? reply.OpenReadStream() : null;
        await register.CloseAsync(id, Result ?? "", content, reply?.FileName, On, User.Actor(), cancellationToken);
        TempData["Message"] = "已办结。";
        return Redirect($"/Incoming/{id}");
    }

    public override IActionResult Refused()
    {
        Load(Item.Id);
        return Page();
    }

    private IActionResult Do(int id, string message, Action change)
    {
        if (Load(id) is { } missing) return missing;
        change();
        TempData["Message"] = message;
        return Redirect($"/Incoming/{id}");
    }

    /// <summary>Loads the item; a result (404, 403) when it cannot be shown.</summary>
    private IActionResult? Load(int id)
    {
        var item = register.Find(id);
        if (item is null) return NotFound();
        if (!register.MayRead(User.Actor(), item)) return Forbid();
        Item = item;
        Tasks = register.TasksOf(item);
        Dossier = register.DossierOf(item);
        return null;
    }
}
