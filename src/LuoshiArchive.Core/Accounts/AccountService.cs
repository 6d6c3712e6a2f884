using LuoshiArchive.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace LuoshiArchive.Core.Accounts;

/// <summary>Sign-in accounts. No account or password is built in: the first one is made at setup.</summary>
public sealed partial class AccountService(IAccountStore store, TimeProvider clock, Audit.AuditLog audit)
{
    public const int MinimumPasswordLength = 8;
    /// <summary>Account names are at most this long, so a longer typed name is stored cut to it.</summary>
    public const int MaxStoredNameLength = 64;
    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly SignInThrottle _throttle = new(clock);
    private readonly Audit.AuditLog _audit = audit;

    public bool AnyAccount() => store.Users.Count() > 0;

    public IReadOnlyList<UserAccount> All() => store.Users.FindAll().OrderBy(u => u.Id).ToList();

    public UserAccount? Find(string name) => store.Users.FindOne(u => u.Name == Normalise(name));

    public UserAccount? Find(int id) => store.Users.FindById(id);

    public UserAccount Create(string name, string displayName, string password, UserRole role,
        int? departmentId = null, Actor? actor = null, string email = "", int? personId = null)
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
        var address = CheckEmail(email);
        CheckPerson(normalised, role, personId);
        var account = new UserAccount
        {
            Email = address,
            Name = normalised,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? normalised : displayName.Trim(),
            Role = role,
            DepartmentId = departmentId,
            PersonId = personId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        account.PasswordHash = _hasher.HashPassword(account, password);
        store.Users.Insert(account);
        _audit.Record(actor.Name, "account.created", $"账户 {account.Name}", $"角色：{ChineseLabels.Of(role)}" + PersonNote(account));
        return account;
    }

    /// <summary>
    /// The account when name and password match; null otherwise (the caller does not learn which was wrong). Checked
    /// from the console: the web's sign-in page goes through <see cref="SignIn"/> with the client's address.
    /// </summary>
    public UserAccount? Verify(string name, string password) => SignIn(name, password, "本机").Account;

    /// <summary>
    /// Signs in from <paramref name="clientAddress"/>. An unknown name, a disabled account and a wrong password get the
    /// same answer, after the same work (a password hash is checked either way); repeated wrong passwords from one
    /// address for one name make that address wait (<see cref="SignInThrottle"/>), never the account's real user.
    /// Only <see cref="MaxStoredNameLength"/> characters of a typed name are ever stored.
    /// </summary>
    public SignInResult SignIn(string name, string password, string clientAddress)
    {
        var typed = Clip(Normalise(name));
        var from = Clip(clientAddress);
        if (_throttle.WaitFor(from, typed) is { } wait)
        {
            _audit.Record(typed, "signin.throttled", "登录", $"来自 {from}，尝试过于频繁，须等待 {wait.TotalSeconds:0} 秒");
            return new SignInResult(null, wait);
        }
        var account = Find(typed);
        var result = account is null || string.IsNullOrEmpty(password)
            ? CheckAgainstNothing(password)
            : _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed)
        {
            var next = _throttle.Failed(from, typed);
            var why = account is null ? "用户名不存在" : account.Disabled ? "账户已停用" : "密码错误";
            _audit.Record(typed, "signin.failed", "登录",
                $"来自 {from}，{why}" + (next is { } w ? $"，此地址须等待 {w.TotalSeconds:0} 秒再试此用户名" : ""));
            return new SignInResult(null, null);
        }
        _throttle.Succeeded(from, typed);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = _hasher.HashPassword(account, password);
            store.Users.Update(account);
        }
        return new SignInResult(account, null);
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

    /// <summary>
    /// Sets the account's e-mail address and what it is notified of; the owner or an administrator may. An address is
    /// checked for shape only (name@host); empty removes it.
    /// </summary>
    public UserAccount SetNotifications(string name, string email, bool dailyDigest, bool immediateNotices, Actor actor,
        string? actorAccountName = null)
    {
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        if (!string.Equals(actorAccountName, account.Name, StringComparison.OrdinalIgnoreCase))
            Access.Demand(actor, Permission.Administer, _audit);
        var address = CheckEmail(email);
        if (account.Email == address && account.WantsDailyDigest == dailyDigest
            && account.WantsImmediateNotices == immediateNotices)
            return account;
        var before = account.Email;
        account.Email = address;
        account.WantsDailyDigest = dailyDigest;
        account.WantsImmediateNotices = immediateNotices;
        store.Users.Update(account);
        _audit.Record(actor.Name, "account.notifications", $"账户 {account.Name}",
            $"邮箱 {(before.Length > 0 ? before : "（无）")} → {(address.Length > 0 ? address : "（无）")}；" +
            $"每日催办汇总 {(dailyDigest ? "开" : "关")}，督办单和公文即时通知 {(immediateNotices ? "开" : "关")}");
        return account;
    }

    /// <summary>The address trimmed, or a Chinese refusal; empty stays empty.</summary>
    public static string CheckEmail(string? email)
    {
        var address = (email ?? "").Trim();
        if (address.Length == 0) return "";
        var at = address.IndexOf('@');
        if (address.Length > 254 || at < 1 || at != address.LastIndexOf('@') || at == address.Length - 1
            || !address[(at + 1)..].Contains('.')
            || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';'))
            throw new DomainRuleException($"电子邮箱“{address}”格式不正确，应形如 name@example.gov.cn。");
        return address;
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
        if (role != UserRole.Leader) account.PersonId = null; // only a leader account is linked to its person
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

    /// <summary>An administrator sets a new password (e.g. forgotten); waits on the name after wrong passwords are lifted.</summary>
    public void ResetPassword(string name, string newPassword, Actor actor)
    {
        Access.Demand(actor, Permission.Administer, _audit);
        var account = Find(name) ?? throw new DomainRuleException("账户不存在。");
        CheckPassword(newPassword);
        account.PasswordHash = _hasher.HashPassword(account, newPassword);
        account.SecurityStamp = NewStamp();
        store.Users.Update(account);
        _throttle.Forget(account.Name);
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
        $"{a.DisplayName}，{ChineseLabels.Of(a.Role)}{(a.DepartmentId is { } d ? "，" + (store.DepartmentName(d) ?? $"处室{d}") : "")}" +
        PersonNote(a);

    private static void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            throw new DomainRuleException($"密码至少{MinimumPasswordLength}位。");
        if (password.All(char.IsDigit) || password.Distinct().Count() < 4)
            throw new DomainRuleException("密码过于简单：请混合使用字母、数字或符号。");
    }

    private static string Normalise(string name) => name.Trim().ToLowerInvariant();

    private static string Clip(string typed) => typed.Length <= MaxStoredNameLength ? typed : typed[..MaxStoredNameLength] + "…";

    /// <summary>As much work as checking a real password, so the answer's timing does not tell that a name is unknown.</summary>
    private PasswordVerificationResult CheckAgainstNothing(string password)
    {
        _hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password ?? "");
        return PasswordVerificationResult.Failed;
    }

    private static readonly UserAccount Nobody = new();
    private static readonly Lazy<string> NobodysHash =
        new(() => new PasswordHasher<UserAccount>().HashPassword(Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
}
