namespace LuoshiArchive.Core.Accounts;

/// <summary>
/// The account when signed in; otherwise <see cref="RetryAfter"/> is how long this client address must wait before
/// trying the name again (after repeated wrong passwords), or null for a plain refusal.
/// </summary>
public sealed record SignInResult(UserAccount? Account, TimeSpan? RetryAfter);
