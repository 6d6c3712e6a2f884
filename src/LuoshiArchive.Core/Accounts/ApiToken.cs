namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// A personal API token (个人访问令牌): other systems call the HTTP API with it and act as its owner, with the owner's
/// role and department. Only the SHA-256 of the secret is kept; the secret is shown once, when the token is made.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    /// <summary>The owner's account id; the token acts as that account does now (role, department, disabled).</summary>
    public int UserId { get; set; }
    /// <summary>What the owner called it, e.g. "OA 系统对接".</summary>
    public string Label { get; set; } = "";
    /// <summary>The secret's first characters, so the owner can tell tokens apart without the secret.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Last day the token is accepted (inclusive); null: until revoked.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsActiveOn(DateOnly today) => RevokedAt is null && (ExpiresOn is not { } last || today <= last);
}
