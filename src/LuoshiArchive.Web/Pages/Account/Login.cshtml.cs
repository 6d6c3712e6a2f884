using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LuoshiArchive.Web.Pages.Account;

/// <summary>
/// Sign-in. Posts are limited per client address (<see cref="SignInRateLimit"/>); a wrong name, a wrong password and a
/// disabled account get one answer; repeated wrong passwords make this address wait for that name, never the account.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
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
        var result = accounts.SignIn(name ?? "", password ?? "", SignInRateLimit.ClientAddress(HttpContext));
        if (result.Account is not { } account)
        {
            // The typed name is shown again only as far as a name can go; the rest is dropped, not echoed.
            Name = name is { Length: > AccountService.MaxStoredNameLength } ? name[..AccountService.MaxStoredNameLength] : name;
            ReturnUrl = returnUrl is { Length: > 2000 } ? null : returnUrl;
            Error = result.RetryAfter is { } wait
                ? $"登录尝试过于频繁，请 {Math.Ceiling(wait.TotalSeconds):0} 秒后再试。"
                : "用户名或密码不正确。忘记密码请联系本委办公室的系统管理员重置（管理员在“账号”页面操作）。";
            return Page();
        }
        await HttpContext.SignInAsync(WebSetup.PrincipalFor(account));
        ElderModeCookie.Remember(Response, account.ElderMode);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
