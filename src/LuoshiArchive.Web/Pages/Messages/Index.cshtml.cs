using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Notifications;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Messages;

/// <summary>站内消息: the signed-in user's notices (催办 digests, 督办单, documents), opened to read, marked read.</summary>
public class IndexModel(InAppMessages messages, LuoshiOptions options) : PageModel
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

    /// <summary>
    /// The message's text, encoded, with the mail's absolute links (Luoshi:PublicUrl…) as links within this site, so
    /// they work however the app was reached.
    /// </summary>
    public IHtmlContent Linked(string text)
    {
        var site = options.PublicUrl.TrimEnd('/');
        var html = new StringBuilder();
        foreach (var part in Regex.Split(text, "(" + Regex.Escape(site) + @"/[^\s]*)"))
        {
            var path = HtmlEncoder.Default.Encode(part.StartsWith(site + "/", StringComparison.Ordinal)
                ? part[site.Length..] : "");
            html.Append(path.Length > 0 ? $"<a href=\"{path}\">{path}</a>" : HtmlEncoder.Default.Encode(part));
        }
        return new HtmlString(html.ToString());
    }

    public IActionResult OnPostReadAll()
    {
        var marked = messages.MarkAllRead(User.Identity!.Name!);
        TempData["Message"] = marked > 0 ? $"已将 {marked} 条消息标为已读。" : "没有未读消息。";
        return RedirectToPage();
    }
}
