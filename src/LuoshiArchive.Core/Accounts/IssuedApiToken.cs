namespace LuoshiArchive.Core.Accounts;

/// <summary>A token just made: <see cref="Secret"/> is shown to the owner this once and never stored.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);
