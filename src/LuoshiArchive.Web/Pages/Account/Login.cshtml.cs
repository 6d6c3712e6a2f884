using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Account;

public class LoginModel(AccountService accounts) : PageModel
{
    public string? Name { get; private set; }
    public string? ReturnUrl { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        if (!accounts.AnyAccount()) return RedirectToPage("/Setup");
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        var account = accounts.Verify(name ?? "", password ?? "");
        if (account is null)
        {
            (Name, ReturnUrl, Error) = (name, returnUrl, "用户名或密码不正确。");
            return Page();
        }
        await HttpContext.SignInAsync(WebSetup.PrincipalFor(account));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
