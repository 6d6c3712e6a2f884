using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Account;

/// <summary>
/// 长者模式 on or off for the signed-in user (the header's toggle posts here), kept with the account so it is still
/// on after signing out and in again, then back to the page the user was on.
/// </summary>
public class ElderModeModel(AccountService accounts) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Tasks/Index");

    public IActionResult OnPost(bool on, string? returnUrl)
    {
        accounts.SetElderMode(User.Identity!.Name!, on);
        ElderModeCookie.Remember(Response, on); // the sign-in page after signing out keeps it
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
