using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Public;

/// <summary>
/// /public, no sign-in: the tasks the office marked for public disclosure, one year at a time, each with its public
/// fields only (<see cref="PublicCatalogue"/>). 长者模式 is remembered by the browser, as on the sign-in page.
/// </summary>
public class IndexModel(PublicCatalogue catalogue, AccountService accounts) : PageModel
{
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? Year { get; private set; }
    public IReadOnlyList<PublicItem> Items { get; private set; } = [];

    public void OnGet(int? year)
    {
        Years = catalogue.Years();
        Year = year is { } asked && Years.Contains(asked) ? asked : Years.Count > 0 ? Years[0] : null;
        Items = Year is { } shown ? catalogue.Year(shown) : [];
    }

    public IActionResult OnPostElderMode(bool on, int? year)
    {
        ElderModeCookie.Remember(Response, on);
        if (User.Identity?.IsAuthenticated == true) accounts.SetElderMode(User.Identity.Name!, on);
        return RedirectToPage(new { year });
    }
}
