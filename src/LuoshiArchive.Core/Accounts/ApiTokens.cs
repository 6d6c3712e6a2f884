using System.Security.Cryptography;
using System.Text;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// Personal API tokens: made and revoked by their owner (or an administrator), shown once, kept as a SHA-256 hash.
/// A request with a token acts as the owner's account as it is at that moment: a disabled account's tokens stop working.
/// </summary>
public sealed class ApiTokens(ApiTokenStore tokens, AccountService accounts, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>Every secret starts with this, so a leaked one is recognisable in logs and by secret scanners.</summary>
    public const string SecretPrefix = "luoshi_";
    public const int MaxLabelLength = 60;
    private readonly Audit.AuditLog _audit = audit;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The tokens of one account, newest first (revoked and expired ones included, marked as such).</summary>
    public IReadOnlyList<ApiToken> Of(string ownerName) =>
        accounts.Find(ownerName) is { } account ? tokens.OfUser(account.Id) : [];

    /// <summary>Makes a token for <paramref name="ownerName"/>; the actor is the owner or an administrator.</summary>
    public IssuedApiToken Create(string ownerName, string label, DateOnly? expiresOn, Actor actor, string? actorAccountName = null)
    {
        var owner = accounts.Find(ownerName) ?? throw new DomainRuleException($"账户“{ownerName}”不存在。");
        DemandOwnerOrAdmin(owner, actor, actorAccountName);
        if (owner.Disabled) throw new DomainRuleException($"账户“{owner.Name}”已停用，不能创建令牌。");
        label = (label ?? "").Trim();
        if (label.Length == 0) label = "API 令牌";
        if (label.Length > MaxLabelLength) throw new DomainRuleException($"令牌名称不超过{MaxLabelLength}个字符。");
        if (expiresOn is { } last && last < Today)
            throw new DomainRuleException($"有效期至 {last:yyyy-MM-dd} 已早于今天（{Today:yyyy-MM-dd}），请选择今天或以后的日期。");
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = owner.Id, Label = label, Prefix = secret[..(SecretPrefix.Length + 6)], Hash = HashOf(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime, ExpiresOn = expiresOn,
        };
        tokens.Insert(token);
        _audit.Record(actor.Name, "token.created", $"账户 {owner.Name}",
            $"令牌 {token.Prefix}…（{label}）{(expiresOn is { } e ? $"，有效期至 {e:yyyy-MM-dd}" : "，长期有效")}");
        return new IssuedApiToken(token, secret);
    }

    /// <summary>Revokes a token at once; the owner or an administrator may.</summary>
    public ApiToken Revoke(int tokenId, Actor actor, string? actorAccountName = null)
    {
        var token = tokens.ById(tokenId) ?? throw new DomainRuleException("该令牌不存在。");
        var owner = accounts.Find(token.UserId) ?? throw new DomainRuleException("该令牌不存在。");
        DemandOwnerOrAdmin(owner, actor, actorAccountName);
        if (token.RevokedAt is not null) return token;
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        tokens.Update(token);
        _audit.Record(actor.Name, "token.revoked", $"账户 {owner.Name}", $"令牌 {token.Prefix}…（{token.Label}）");
        return token;
    }

    /// <summary>
    /// The account a presented secret acts for, or null when the secret is unknown, revoked, expired, or its account is
    /// disabled. The caller does not learn which.
    /// </summary>
    public (UserAccount Account, ApiToken Token)? Authenticate(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var token = tokens.ByHash(HashOf(secret));
        if (token is null || !token.IsActiveOn(Today)) return null;
        var account = accounts.Find(token.UserId);
        if (account is null || account.Disabled) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        // Noted at most once a minute: a busy integration should not write to the store on every call.
        if (token.LastUsedAt is not { } used || now - used > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            tokens.Update(token);
        }
        return (account, token);
    }

    private void DemandOwnerOrAdmin(UserAccount owner, Actor actor, string? actorAccountName)
    {
        if (actorAccountName is not null && string.Equals(actorAccountName, owner.Name, StringComparison.OrdinalIgnoreCase)) return;
        Access.Demand(actor, Permission.Administer, _audit);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
