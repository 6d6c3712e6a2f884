using LuoshiArchive.Core.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Messages;

/// <summary>站内消息: the signed-in user's notices (催办 digests, 督办单, documents), opened to read, marked read.</summary>
public class IndexModel(InAppMessages messages) : PageModel
{
    public IReadOnlyList<InAppMessage> Messages { get; private set; } = [];
    public InAppMessage? Opened { get; private set; }

    public IActionResult OnGet(int? id)
    {
        if (id is { } open)
        {
            Opened = messages.Open(open, User.Identity!.Name!);
            if (Opened is null) return NotFound();
        }
        Messages = messages.Of(User.Identity!.Name!);
        return Page();
    }

    public IActionResult OnPostReadAll()
    {
        var marked = messages.MarkAllRead(User.Identity!.Name!);
        TempData["Message"] = marked > 0 ? $"已将 {marked} 条消息标为已读。" : "没有未读消息。";
        return RedirectToPage();
    }
}
