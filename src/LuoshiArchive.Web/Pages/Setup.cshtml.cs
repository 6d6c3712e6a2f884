using System.Net;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages;

/// <summary>
/// First run: creates the administrator account while the store has none. Reachable only from the server itself,
/// so nobody on the network can claim a fresh installation.
/// </summary>
public class SetupModel(AccountService accounts) : FormPageModel
{
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";

    public bool IsLocal => HttpContext.Connection.RemoteIpAddress is not { } ip || IPAddress.IsLoopback(ip);

    public IActionResult OnGet()
    {
        if (accounts.AnyAccount()) return RedirectToPage("/Account/Login");
        if (!IsLocal) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (accounts.AnyAccount()) return RedirectToPage("/Account/Login");
        if (!IsLocal) return StatusCode(StatusCodes.Status403Forbidden);
        if (Password != Confirm) throw new DomainRuleException("两次输入的密码不一致。");
        var account = accounts.Create(Name, DisplayName, Password, UserRole.Admin);
        await HttpContext.SignInAsync(WebSetup.PrincipalFor(account));
        TempData["Message"] = "管理员账户已创建。下一步：在“机构人员”中录入处室和人员，或用 luoshi init --demo 载入演示数据。";
        return RedirectToPage("/Tasks/Index");
    }
}
