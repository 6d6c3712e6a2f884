namespace LuoshiArchive.Core.Storage;

/// <summary>The store was written by a newer build; nothing was changed.</summary>
public sealed class SchemaTooNewException(string message) : Exception(message);
