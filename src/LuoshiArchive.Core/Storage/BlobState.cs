namespace LuoshiArchive.Core.Storage;

/// <summary>What <see cref="BlobStore.Check"/> found for a stored original.</summary>
public enum BlobState
{
    Intact,
    Missing,
    /// <summary>The bytes no longer hash to the SHA-256 the file is named by: changed after intake.</summary>
    Damaged,
}
