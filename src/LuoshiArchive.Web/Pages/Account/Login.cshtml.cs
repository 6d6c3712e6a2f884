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

    /// <summary>The sign-in page's own 长者模式 toggle (nobody is signed in: the browser remembers it).</summary>
    public IActionResult OnPostElderMode(bool on, string? returnUrl)
    {
        ElderModeCookie.Remember(Response, on);
        return RedirectToPage(new { returnUrl });
    }

    public bool ElderMode => ElderModeCookie.IsOn(Request);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        var result = accounts.SignIn(name ?? "", password ?? "");
        if (result.Account is not { } account)
        {
            (Name, ReturnUrl) = (name, returnUrl);
            Error = result.LockedOut
                ? $"连续输错密码次数过多，账户已暂时锁定 {AccountService.LockoutDuration.TotalMinutes:0} 分钟，请稍后再试或联系管理员。"
                : "用户名或密码不正确。忘记密码请联系本委办公室的系统管理员重置（管理员在“账号”页面操作）。";
            return Page();
        }
        await HttpContext.SignInAsync(WebSetup.PrincipalFor(account));
        ElderModeCookie.Remember(Response, account.ElderMode);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
