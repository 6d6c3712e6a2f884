using System.Security.Cryptography;

namespace LuoshiArchive.Core.Storage;

/// <summary>
/// Original files kept byte for byte, content-addressed by SHA-256 under <c>storage/blobs/ab/cd/&lt;sha&gt;</c>, with the
/// extracted text beside them (<c>&lt;sha&gt;.txt</c>) so the search index can always be rebuilt without re-parsing.
/// A blob is written to a temp file, fsynced, then renamed: a crash leaves either no blob or a whole one.
/// </summary>
public sealed class BlobStore : IBlobStore
{
    /// <summary>What a user is told when a file passes <paramref name="maxBytes"/>: "文件过大（上限 50 MB）".</summary>
    public static string TooLarge(long maxBytes) => $"文件过大（上限 {ByteSize.Format(maxBytes)}）";

    private readonly string _blobs;
    private readonly string _temp;

    public BlobStore(string storagePath)
    {
        _blobs = Path.Combine(storagePath, "blobs");
        _temp = Path.Combine(storagePath, "tmp");
        Directory.CreateDirectory(_blobs);
        Directory.CreateDirectory(_temp);
    }

    /// <summary>
    /// Removes what killed uploads and ingests left in <c>storage/tmp</c>. Only for the process that has just taken
    /// the storage lock: nobody else can be writing there then.
    /// </summary>
    public static int RemoveLeftovers(string storagePath)
    {
        var temp = Path.Combine(storagePath, "tmp");
        if (!Directory.Exists(temp)) return 0;
        var removed = 0;
        foreach (var entry in new DirectoryInfo(temp).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder) folder.Delete(recursive: true);
            else entry.Delete();
            removed++;
        }
        return removed;
    }

    /// <summary>A staged upload: in the temp folder, fsynced, hashed; <see cref="Commit"/> moves it into place.</summary>
    public sealed class Staged(string path, string sha256, string sha512, string blake3, long length) : IDisposable
    {
        public string Path { get; } = path;
        public string Sha256 { get; } = sha256;

        /// <summary>The bag's second digest, taken on the same pass so that an export need not read the file for it.</summary>
        public string Sha512 { get; } = sha512;

        /// <summary>What an export checks the stored copy against (cheaper than SHA-256, as strong a check).</summary>
        public string Blake3 { get; } = blake3;
        public long Length { get; } = length;

        public void Dispose()
        {
            if (File.Exists(Path)) File.Delete(Path);
        }
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a temp file while hashing it (SHA-256, its name; SHA-512, which the
    /// annual bundle's second manifest lists; BLAKE3, which an export checks the stored copy against); refuses more
    /// than <paramref name="maxBytes"/>.
    /// Without <paramref name="flush"/> the file is not fsynced here: the caller makes a batch durable at once
    /// (<see cref="MakeDurable"/>) before committing it.
    /// </summary>
    public Staged Stage(Stream content, long maxBytes, bool flush = true)
    {
        var path = Path.Combine(_temp, "upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
            using var blake3 = global::Blake3.Hasher.New();
            long length = 0;
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = content.Read(buffer)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                        throw new DomainRuleException(TooLarge(maxBytes) + "。");
                    hash.AppendData(buffer, 0, read);
                    sha512.AppendData(buffer, 0, read);
                    blake3.Update(buffer.AsSpan(0, read));
                    file.Write(buffer, 0, read);
                }
                file.Flush(flushToDisk: flush);
            }
            return new Staged(path, Convert.ToHexStringLower(hash.GetHashAndReset()),
                Convert.ToHexStringLower(sha512.GetHashAndReset()), blake3.Finalize().ToString(), length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Whether the stored original still has the content its name (its SHA-256) says; reads it whole.</summary>
    public BlobState Check(string sha256)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) return BlobState.Missing;
        return Digest(path) == sha256 ? BlobState.Intact : BlobState.Damaged;
    }

    /// <summary>The SHA-256 named by every original on disk (not the texts beside them), in a stable order.</summary>
    public IEnumerable<string> StoredDigests() =>
        Directory.EnumerateFiles(_blobs, "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).OfType<string>().Where(IsDigest).Order(StringComparer.Ordinal);

    /// <summary>The path of a blob inside the storage folder, as lists for people show it: <c>blobs/ab/cd/&lt;sha&gt;</c>.</summary>
    public static string RelativePath(string sha256) => $"blobs/{sha256[..2]}/{sha256[2..4]}/{sha256}";

    /// <summary>Is <paramref name="name"/> a blob's file name (64 lower-case hex digits)?</summary>
    public static bool IsDigest(string name) => name.Length == 64 && name.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static string Digest(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>Moves a staged file into place (or drops it when that content is already stored) and writes its text.</summary>
    public void Commit(Staged staged, string text)
    {
        WriteAtomically(PathOf(staged.Sha256) + ".txt", System.Text.Encoding.UTF8.GetBytes(text));
        MoveIntoPlace(staged, PathOf(staged.Sha256));
    }

    private static void MoveIntoPlace(Staged staged, string target)
    {
        if (File.Exists(target)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.Path, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another request stored the same content first: identical bytes, nothing to do.
        }
    }

    /// <summary>
    /// Makes files written without an fsync (staged originals, texts a worker wrote) durable, all at once: on Linux one
    /// <c>syncfs</c> of the file system that holds them (one flush of the disk's cache instead of one per file, which
    /// cost ~4 ms each on the bench's virtual disk); elsewhere an fsync of each.
    /// </summary>
    public void MakeDurable(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        if (list.Count == 0) return;
        if (OperatingSystem.IsLinux())
        {
            using var file = File.OpenHandle(list[0]);
            if (FileSystemSync.SyncFs(file) == 0) return;
        }
        foreach (var path in list)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Moves a durable staged file into place (or drops it when that content is stored) and its durable text file
    /// (in the temp folder, UTF-8) beside it, both by rename.
    /// </summary>
    public void CommitWithTextFile(Staged staged, string textFile)
    {
        var target = PathOf(staged.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(textFile, target + ".txt", overwrite: true);
        MoveIntoPlace(staged, target);
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);

    public string ReadText(string sha256)
    {
        var path = PathOf(sha256) + ".txt";
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public string ReadTextStart(string sha256, int maxChars)
    {
        var path = PathOf(sha256) + ".txt";
        if (!File.Exists(path)) return "";
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var buffer = new char[Math.Clamp(maxChars, 0, (int)Math.Min(int.MaxValue / 2, new FileInfo(path).Length))];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            throw new ArgumentException("not a SHA-256 hex digest", nameof(sha256));
        return Path.Combine(_blobs, sha256[..2], sha256[2..4], sha256);
    }

    private void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(_temp, "write-" + Guid.NewGuid().ToString("N"));
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
