using LuoshiArchive.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace LuoshiArchive.Core.Accounts;

/// <summary>Sign-in accounts. No account or password is built in: the first one is made at setup.</summary>
public sealed class AccountService(IAccountStore store, TimeProvider clock)
{
    public const int MinimumPasswordLength = 8;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly Audit.AuditLog _audit = new(store, clock);

    public bool AnyAccount() => store.Users.Count() > 0;

    public IReadOnlyList<UserAccount> All() => store.Users.FindAll().OrderBy(u => u.Id).ToList();

    public UserAccount? Find(string name) => store.Users.FindOne(u => u.Name == Normalise(name));

    public UserAccount? Find(int id) => store.Users.FindById(id);

    public UserAccount Create(string name, string displayName, string password, UserRole role, int? departmentId = null, Actor? actor = null)
    {
        // The first account is made at the console or on the localhost-only first-run page; later ones by an administrator.
        actor ??= Actor.Console("首次设置");
        Access.Demand(actor, Permission.Administer, _audit);
        var normalised = Normalise(name);
        if (normalised.Length == 0) throw new DomainRuleException("用户名不能为空。");
        if (normalised.Length > 64 || normalised.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new DomainRuleException("用户名不能含空格，且不超过64个字符。");
        CheckPassword(password);
        if (Find(normalised) is not null) throw new DomainRuleException($"用户名“{normalised}”已存在。");
        if (!Enum.IsDefined(role)) throw new DomainRuleException("角色无效。");
        if (role == UserRole.DepartmentUser && departmentId is null) throw new DomainRuleException("处室用户须选择所在处室。");
        if (departmentId is { } dept && store.DepartmentName(dept) is null) throw new DomainRuleException("所选处室不存在。");
        var account = new UserAccount
        {
            Name = normalised,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? normalised : displayName.Trim(),
            Role = role,
            DepartmentId = departmentId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        account.PasswordHash = _hasher.HashPassword(account, password);
        store.Users.Insert(account);
        _audit.Record(actor.Name, "account.created", $"账户 {account.Name}", $"角色：{ChineseLabels.Of(role)}");
        return account;
    }

    /// <summary>
    /// The account when name and password match; null otherwise (the caller does not learn which was wrong). After
    /// <see cref="FailuresBeforeLockout"/> wrong passwords in a row the account is locked for <see cref="LockoutDuration"/>.
    /// </summary>
    public UserAccount? Verify(string name, string password) => SignIn(name, password).Account;

    public SignInResult SignIn(string name, string password)
    {
        var account = Find(name);
        if (account is null)
        {
            _audit.Record(Normalise(name), "signin.failed", "登录", "用户名不存在");
            return new SignInResult(null, false);
        }
        if (account.Disabled)
        {
            _audit.Record(account.Name, "signin.failed", "登录", "账户已停用");
            return new SignInResult(null, false);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (account.LockedUntil is { } until && until > now)
        {
            _audit.Record(account.Name, "signin.locked", "登录", "账户锁定期间尝试登录");
            return new SignInResult(null, true);
        }
        var result = string.IsNullOrEmpty(password)
            ? PasswordVerificationResult.Failed
            : _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            if (account.FailedSignIns >= FailuresBeforeLockout)
            {
                account.LockedUntil = now + LockoutDuration;
                account.FailedSignIns = 0;
            }
            store.Users.Update(account);
            _audit.Record(account.Name, "signin.failed", "登录", account.LockedUntil > now ? $"密码错误，账户锁定至 {account.LockedUntil:HH:mm}（UTC）" : "密码错误");
            return new SignInResult(null, account.LockedUntil > now);
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = _hasher.HashPassword(account, password);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        store.Users.Update(account);
        return new SignInResult(account, false);
    }

    /// <summary>Changes a password; the current one must be given.</summary>
    public void ChangePassword(string name, string currentPassword, string newPassword)
    {
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        if (_hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
            throw new DomainRuleException("当前密码不正确。");
        CheckPassword(newPassword);
        if (newPassword == currentPassword) throw new DomainRuleException("新密码不能与当前密码相同。");
        account.PasswordHash = _hasher.HashPassword(account, newPassword);
        account.SecurityStamp = NewStamp();
        store.Users.Update(account);
        _audit.Record(account.Name, "password.changed", $"账户 {account.Name}");
    }

    /// <summary>Turns 长者模式 (larger text, higher contrast) on or off for an account; the pages read it on every request.</summary>
    public void SetElderMode(string name, bool on)
    {
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        if (account.ElderMode == on) return;
        account.ElderMode = on;
        store.Users.Update(account);
    }

    /// <summary>An administrator changes an account's role, department or display name; recorded before → after.</summary>
    public UserAccount Change(string name, UserRole role, int? departmentId, string displayName, Actor actor)
    {
        Access.Demand(actor, Permission.Administer, _audit);
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        if (!Enum.IsDefined(role)) throw new DomainRuleException("角色无效。");
        if (role == UserRole.DepartmentUser && departmentId is null) throw new DomainRuleException("处室用户须选择所在处室。");
        if (departmentId is { } d && store.DepartmentName(d) is null) throw new DomainRuleException("所选处室不存在。");
        if (account.Role == UserRole.Admin && role != UserRole.Admin && !account.Disabled && ActiveAdmins() == 1)
            throw new DomainRuleException("这是唯一的管理员账户，不能改为其他角色。");
        var before = Describe(account);
        if (account.Role != role || account.DepartmentId != departmentId) account.SecurityStamp = NewStamp();
        account.Role = role;
        account.DepartmentId = departmentId;
        if (!string.IsNullOrWhiteSpace(displayName)) account.DisplayName = displayName.Trim();
        store.Users.Update(account);
        _audit.Record(actor.Name, "account.changed", $"账户 {account.Name}", $"{before} → {Describe(account)}");
        return account;
    }

    /// <summary>Disables or re-enables an account (accounts are never deleted: the audit trail names them).</summary>
    public UserAccount SetDisabled(string name, bool disabled, Actor actor)
    {
        Access.Demand(actor, Permission.Administer, _audit);
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        if (disabled && account.Role == UserRole.Admin && !account.Disabled && ActiveAdmins() == 1)
            throw new DomainRuleException("这是唯一的管理员账户，不能停用。");
        if (account.Disabled == disabled) return account;
        account.Disabled = disabled;
        account.SecurityStamp = NewStamp();
        store.Users.Update(account);
        _audit.Record(actor.Name, disabled ? "account.disabled" : "account.enabled", $"账户 {account.Name}");
        return account;
    }

    /// <summary>An administrator sets a new password (e.g. forgotten); the lockout is lifted.</summary>
    public void ResetPassword(string name, string newPassword, Actor actor)
    {
        Access.Demand(actor, Permission.Administer, _audit);
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        CheckPassword(newPassword);
        account.PasswordHash = _hasher.HashPassword(account, newPassword);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.SecurityStamp = NewStamp();
        store.Users.Update(account);
        _audit.Record(actor.Name, "password.reset", $"账户 {account.Name}");
    }

    /// <summary>Ends every sign-in of the account (sign-out revokes copies of the cookie too).</summary>
    public void SignOut(string name)
    {
        var account = Find(name);
        if (account is null) return;
        account.SecurityStamp = NewStamp();
        store.Users.Update(account);
        _audit.Record(account.Name, "signout", "登录");
    }

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

        private int ActiveAdmins() => store.Users.Find(u => u.Role == UserRole.Admin && !u.Disabled).Count();

    private string Describe(UserAccount a) =>
        $"{a.DisplayName}，{ChineseLabels.Of(a.Role)}{(a.DepartmentId is { } d ? "，" + (store.DepartmentName(d) ?? $"处室{d}") : "")}";

    private static void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            throw new DomainRuleException($"密码至少{MinimumPasswordLength}位。");
        if (password.All(char.IsDigit) || password.Distinct().Count() < 4)
            throw new DomainRuleException("密码过于简单：请混合使用字母、数字或符号。");
    }

    private static string Normalise(string name) => name.Trim().ToLowerInvariant();
}
