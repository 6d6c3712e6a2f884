using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Admin;

/// <summary>Sign-in accounts (账号): create, change role or department, disable, reset a forgotten password.</summary>
[Authorize(Policy = nameof(Permission.Administer))]
public class UsersModel(AccountService accounts, OrganisationDirectory directory) : FormPageModel
{
    [BindProperty] public AccountInput Input { get; set; } = new();
    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public OrganisationDirectory Directory => directory;
    public bool Editing { get; private set; }

    public void OnGet(string? name)
    {
        if (name is not null && accounts.Find(name) is { } account)
        {
            Input = new AccountInput
            {
                Name = account.Name, DisplayName = account.DisplayName, Role = account.Role,
                DepartmentId = account.DepartmentId, Email = account.Email, PersonId = account.PersonId,
            };
            Editing = true;
        }
        Load();
    }

    public IActionResult OnPostCreate() => Act(() =>
    {
        accounts.Create(Input.Name ?? "", Input.DisplayName ?? "", Input.Password ?? "", Input.Role, Input.DepartmentId,
            User.Actor(), Input.Email ?? "", Input.PersonId);
        return $"账号“{Input.Name}”已创建。";
    });

    public IActionResult OnPostChange() => Act(() =>
    {
        AccountService.CheckEmail(Input.Email); // refused before anything is changed
        var account = accounts.Change(Input.Name ?? "", Input.Role, Input.DepartmentId, Input.DisplayName ?? "",
            User.Actor());
        accounts.LinkPerson(account.Name, account.Role == UserRole.Leader ? Input.PersonId : null, User.Actor());
        accounts.SetNotifications(account.Name, Input.Email ?? "", account.WantsDailyDigest,
            account.WantsImmediateNotices, User.Actor());
        if (!string.IsNullOrEmpty(Input.Password)) accounts.ResetPassword(Input.Name ?? "", Input.Password, User.Actor());
        return $"账号“{Input.Name}”已修改{(string.IsNullOrEmpty(Input.Password) ? "" : "，密码已重设")}。";
    });

    public IActionResult OnPostDisable(string name, bool disabled) => Act(() =>
    {
        accounts.SetDisabled(name, disabled, User.Actor());
        return disabled ? $"账号“{name}”已停用。" : $"账号“{name}”已启用。";
    });

    private IActionResult Act(Func<string> action)
    {
        if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效，请检查后重试。");
        TempData["Message"] = action();
        return RedirectToPage();
    }

    public override IActionResult Refused()
    {
        Editing = accounts.Find(Input.Name ?? "") is not null;
        Load();
        return Page();
    }

    private void Load()
    {
        Accounts = accounts.All();
        Departments = directory.Departments();
    }

    /// <summary>The account form; strings nullable because an empty field posts as null.</summary>
    public sealed class AccountInput
    {
        public string? Name { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public UserRole Role { get; set; } = UserRole.DepartmentUser;
        public int? DepartmentId { get; set; }
        /// <summary>A leader account's 分管委领导 (the person tasks name as supervising leader).</summary>
        public int? PersonId { get; set; }
        /// <summary>Where notices are mailed; empty: in-app 站内消息 only.</summary>
        public string? Email { get; set; }
    }
}
