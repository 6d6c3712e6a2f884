using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Account;

/// <summary>A signed-in user changes their own password; the current one is asked for.</summary>
public class PasswordModel(AccountService accounts) : FormPageModel
{

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? password, string? confirm)
    {
        if (password != confirm) throw new DomainRuleException("两次输入的新密码不一致。");
        accounts.ChangePassword(User.Identity!.Name!, current ?? "", password ?? "");
        // Every other sign-in of the account ends with the new stamp; this one goes on with a fresh cookie.
        await HttpContext.SignInAsync(WebSetup.PrincipalFor(accounts.Find(User.Identity.Name!)!));
        TempData["Message"] = "密码已修改。";
        return RedirectToPage("/Tasks/Index");
    }
}
