namespace LuoshiArchive.Core.Storage;

/// <summary>Another process holds the storage folder open for writing.</summary>
public sealed class StorageInUseException(string message) : Exception(message);
