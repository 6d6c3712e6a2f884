using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Account;

public class LogoutModel(Core.Accounts.AccountService accounts) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Tasks/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.Name is { } name) accounts.SignOut(name);
        await HttpContext.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
