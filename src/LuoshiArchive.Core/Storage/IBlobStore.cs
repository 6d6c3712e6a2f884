namespace LuoshiArchive.Core.Storage;

/// <summary>
/// Where originals and their extracted texts are kept, content-addressed by SHA-256. Today a folder that every node
/// mounts (<see cref="BlobStore"/>); an S3-compatible object store keyed by the same digests can implement this later.
/// An upload is staged in the local temp folder first (hashed while it is written), then committed.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Copies <paramref name="content"/> into a temp file, hashing it; refuses more than <paramref name="maxBytes"/>.
    /// Fsynced unless <paramref name="flush"/> is false (then <see cref="MakeDurable"/> before committing).
    /// </summary>
    BlobStore.Staged Stage(Stream content, long maxBytes, bool flush = true);

    /// <summary>Moves a staged file into place (or drops it when that content is stored); writes its text.</summary>
    void Commit(BlobStore.Staged staged, string text);

    /// <summary>Fsyncs files of a batch written without it, once all of them are written.</summary>
    void MakeDurable(IEnumerable<string> paths);

    /// <summary>
    /// Moves a durable staged file into place (or drops it when that content is stored), and the durable text file
    /// beside it (UTF-8, in the temp folder), both by rename.
    /// </summary>
    void CommitWithTextFile(BlobStore.Staged staged, string textFile);

    bool Exists(string sha256);

    /// <summary>Whether the stored original still has the content its SHA-256 names; reads it whole.</summary>
    BlobState Check(string sha256);

    /// <summary>The SHA-256 named by every stored original, in a stable order.</summary>
    IEnumerable<string> StoredDigests();

    Stream OpenRead(string sha256);

    /// <summary>The extracted text kept beside an original ("" when there is none).</summary>
    string ReadText(string sha256);

    /// <summary>The first <paramref name="maxChars"/> characters of that text, read no further.</summary>
    string ReadTextStart(string sha256, int maxChars);
}
