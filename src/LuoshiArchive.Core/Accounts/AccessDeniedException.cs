namespace LuoshiArchive.Core.Accounts;

/// <summary>The actor's role or department does not allow the action; the web app answers 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
