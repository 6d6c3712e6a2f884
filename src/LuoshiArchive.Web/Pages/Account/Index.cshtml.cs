using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Account;

/// <summary>我的账户: who the user is, and the personal API tokens other systems call the API with (made, shown once, revoked).</summary>
public class IndexModel(AccountService accounts, ApiTokens tokens, OrganisationDirectory directory) : FormPageModel
{
    public UserAccount Account { get; private set; } = new();
    public string Department { get; private set; } = "";
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>A token just made: its secret is on this one response and nowhere else.</summary>
    public IssuedApiToken? Issued { get; private set; }

    public IActionResult OnGet() => Load();

    public IActionResult OnPostNotifications(string? email, bool dailyDigest, bool immediateNotices)
    {
        try
        {
            accounts.SetNotifications(User.Identity!.Name!, email ?? "", dailyDigest, immediateNotices, User.Actor(),
                User.Identity!.Name);
            TempData["Message"] = "通知设置已保存。";
            return RedirectToPage();
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Load();
        }
    }

    public IActionResult OnPostCreateToken(string? label, DateOnly? expires)
    {
        if (!ModelState.IsValid) throw new DomainRuleException("有效期无法识别：请写成 2018-06-30，或留空表示长期有效。");
        Issued = tokens.Create(User.Identity!.Name!, label ?? "", expires, User.Actor(), User.Identity!.Name);
        return Load();
    }

    public IActionResult OnPostRevokeToken(int id)
    {
        var token = tokens.Revoke(id, User.Actor(), User.Identity!.Name);
        TempData["Message"] = $"令牌 {token.Prefix}…（{token.Label}）已吊销，使用它的系统将无法再调用接口。";
        return RedirectToPage();
    }

    public override IActionResult Refused() => Load();

    private IActionResult Load()
    {
        var account = accounts.Find(User.Identity!.Name!);
        if (account is null) return NotFound();
        Account = account;
        Department = directory.DepartmentName(account.DepartmentId);
        Tokens = tokens.Of(account.Name);
        Today = DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        return Page();
    }
}
