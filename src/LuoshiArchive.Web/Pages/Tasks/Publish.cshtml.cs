using LuoshiArchive.Core;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>
/// 向社会公布 from the task page's section (_PublicProgress): publish or reword (POST), unpublish (POST ?handler=
/// Unpublish). The office only: anyone else gets 403 before the handler runs, and the refusal is audited.
/// </summary>
[Authorize(Policy = nameof(Core.Accounts.Permission.PublishProgress))]
public class PublishModel(PublicDisclosure disclosure, Core.Tasks.TaskRegistry tasks) : PageModel
{
    public IActionResult OnGet(string code) => Back(code);

    public IActionResult OnPost(string code, string? progress)
    {
        var wasPublic = tasks.Find(code) is { } task && disclosure.Of(task.Id) is { IsPublic: true };
        return Done(code, () => disclosure.Publish(code, progress ?? "", User.Actor()),
            wasPublic ? "公开进展已修改，公开页面已更新。" : "已标记为重大事项并向社会公布。");
    }

    public IActionResult OnPostUnpublish(string code) =>
        Done(code, () => disclosure.Unpublish(code, User.Actor()), "已取消向社会公布，公开页面不再显示本任务。");

    private IActionResult Done(string code, Action work, string message)
    {
        try
        {
            work();
            TempData["Message"] = message;
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return Back(code);
    }

    private IActionResult Back(string code) => RedirectToPage("/Tasks/Details", new { code });
}
