using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Supervision;

/// <summary>One 督办单: what, by when, how to reply; the department's reply (a progress entry); the printable DOCX.</summary>
public class DetailsModel(SupervisionService supervision, ProgressLog progress, Core.Tasks.ReadAccess reading) : FormPageModel
{
    public SupervisionOrder Order { get; private set; } = new();
    public KeyTask? Task { get; private set; }
    public ProgressEntry? Reply { get; private set; }
    public string Department { get; private set; } = "";
    public DateOnly Today => supervision.Today;
    [BindProperty] public Tasks.ProgressModel.Input Form { get; set; } = new();

    /// <summary>Shown the reply form: the ordered department on a task it may file on, or whoever may edit the task.</summary>
    public bool MayReply(Actor actor) => Order.IsOutstanding && Task is not null &&
        (actor.DepartmentId == Order.DepartmentId && Access.Allows(actor, Permission.FileEvidence, Task) || Access.Allows(actor, Permission.EditTask, Task));

    public string? WithdrawError { get; private set; }
    public string WithdrawReason { get; private set; } = "";

    /// <summary>Shown the withdrawal form: an outstanding order, to those who may issue one on its task.</summary>
    public bool MayWithdraw(Actor actor) =>
        Order.IsOutstanding && Task is not null && SupervisionService.MayIssueOn(actor, Task);

    public IActionResult OnGet(int id)
    {
        if (!Load(id)) return NotFound();
        Form = new Tasks.ProgressModel.Input { Date = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (!Load(id)) return NotFound();
        var streams = files.Where(f => f.Length > 0).Select(f => new IncomingFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效（请检查日期和完成程度）。");
            await supervision.ReplyAsync(id, Form.ToDraft(), streams, User.Actor(), cancellationToken);
            TempData["Message"] = $"已回复督办单 {Order.Number}。";
            return RedirectToPage(new { id });
        }
        finally
        {
            foreach (var s in streams) await s.Content.DisposeAsync();
        }
    }

    public IActionResult OnPostWithdraw(int id, string? reason)
    {
        if (!Load(id)) return NotFound();
        try
        {
            supervision.Withdraw(id, reason ?? "", User.Actor());
        }
        catch (DomainRuleException e)
        {
            WithdrawError = e.Message;
            WithdrawReason = reason ?? "";
            Form = new Tasks.ProgressModel.Input { Date = Today };
            return Page();
        }
        TempData["Message"] = $"已撤回督办单 {Order.Number}。";
        return RedirectToPage(new { id });
    }

    public IActionResult OnGetDocx(int id)
    {
        if (!Load(id)) return NotFound();
        var docx = new MemoryStream();
        supervision.WriteDocx(Order, docx);
        docx.Position = 0;
        var name = SupervisionOrderDocument.FileName(Order);
        return File(docx, ContentTypes.For(name), name);
    }

    private bool Load(int id)
    {
        var order = supervision.Find(id);
        if (order is null) return false;
        Order = order;
        Task = reading.Read(order.TaskCode, User.Actor());
        Reply = order.ReplyEntryId is { } e ? progress.Find(e) : null;
        Department = supervision.DepartmentName(order.DepartmentId);
        return true;
    }
}
