namespace LuoshiArchive.Core.Storage;

/// <summary>
/// Documents the app generates once and keeps as they were (a submitted 自查自评表, a closed 对账表): rendered into the
/// blob store when the record is fixed, then always served from there, because a second rendering is not byte-identical
/// (zip timestamps) and would no longer show what was submitted.
/// </summary>
public sealed class KeptFiles(IBlobStore blobs)
{
    /// <summary>A kept file: its SHA-256 (the blob's name) and its length in bytes.</summary>
    public sealed record Kept(string Sha256, long Length);

    /// <summary>Renders the file and stores its bytes (before any record names them); returns its digest.</summary>
    public Kept Keep(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return Keep(buffer.ToArray());
    }

    /// <summary>Stores bytes as they are (a bundle being imported); the digest is what they hash to.</summary>
    public Kept Keep(byte[] bytes)
    {
        using var staged = blobs.Stage(new MemoryStream(bytes, writable: false), long.MaxValue);
        blobs.Commit(staged, "");
        return new Kept(staged.Sha256, staged.Length);
    }

    public byte[] Read(string sha256)
    {
        if (!BlobStore.IsDigest(sha256) || !blobs.Exists(sha256))
            throw new DomainRuleException("保存的文件不存在：请从备份恢复存储目录。");
        using var stream = blobs.OpenRead(sha256);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
