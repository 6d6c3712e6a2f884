using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages;

/// <summary>Home: the task list until the dashboard exists.</summary>
public class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Tasks/Index");
}
