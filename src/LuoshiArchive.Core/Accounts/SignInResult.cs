namespace LuoshiArchive.Core.Accounts;

/// <summary>The account when signed in; <see cref="LockedOut"/> when repeated failures have locked it for a while.</summary>
public sealed record SignInResult(UserAccount? Account, bool LockedOut);
