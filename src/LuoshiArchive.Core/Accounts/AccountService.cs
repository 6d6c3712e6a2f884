using LuoshiArchive.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace LuoshiArchive.Core.Accounts;

/// <summary>Sign-in accounts. No account or password is built in: the first one is made at setup.</summary>
public sealed class AccountService(LuoshiStore store, TimeProvider clock)
{
    public const int MinimumPasswordLength = 8;
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public bool AnyAccount() => store.Users.Count() > 0;

    public IReadOnlyList<UserAccount> All() => store.Users.FindAll().OrderBy(u => u.Id).ToList();

    public UserAccount? Find(string name) => store.Users.FindOne(u => u.Name == Normalise(name));

    public UserAccount Create(string name, string displayName, string password, UserRole role, int? departmentId = null)
    {
        var normalised = Normalise(name);
        if (normalised.Length == 0) throw new DomainRuleException("用户名不能为空。");
        if (normalised.Length > 64 || normalised.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new DomainRuleException("用户名不能含空格，且不超过64个字符。");
        CheckPassword(password);
        if (Find(normalised) is not null) throw new DomainRuleException($"用户名“{normalised}”已存在。");
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
        return account;
    }

    /// <summary>The account when name and password match; null otherwise (the caller does not learn which was wrong).</summary>
    public UserAccount? Verify(string name, string password)
    {
        var account = Find(name);
        if (account is null || string.IsNullOrEmpty(password)) return null;
        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = _hasher.HashPassword(account, password);
            store.Users.Update(account);
        }
        return account;
    }

    private static void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            throw new DomainRuleException($"密码至少{MinimumPasswordLength}位。");
        if (password.All(char.IsDigit) || password.Distinct().Count() < 4)
            throw new DomainRuleException("密码过于简单：请混合使用字母、数字或符号。");
    }

    private static string Normalise(string name) => name.Trim().ToLowerInvariant();
}
