using System.Security.Cryptography;

namespace LuoshiArchive.Core.Audit;

/// <summary>
/// The secret the audit chain is keyed with: 32 random bytes in a file outside the storage folder and its backups
/// (<see cref="LuoshiOptions.AuditKeyFile"/>), created with an empty store (<c>luoshi init</c>, the first start). With
/// it, every entry's hash is HMAC-SHA256 (<see cref="KeyedPrefix"/>): whoever can write the database but cannot read
/// this file cannot recompute the chain. Without it (a store older than the key), hashes are plain SHA-256.
/// </summary>
public sealed class AuditKey
{
    public const int Length = 32;

    /// <summary>Marks a keyed hash, so a node or a check without the key knows the chain needs it.</summary>
    public const string KeyedPrefix = "hmac:";

    private readonly byte[]? _secret;

    private AuditKey(string path, byte[]? secret) => (Path, _secret) = (path, secret);

    /// <summary>Where the key file is, or is expected.</summary>
    public string Path { get; }

    /// <summary>Whether the key file was there.</summary>
    public bool Present => _secret is not null;

    /// <summary>No key: plain SHA-256 (a store made before keys, or a key file missing at <paramref name="path"/>).</summary>
    public static AuditKey Missing(string path) => new(path, null);

    /// <summary>
    /// The key of a store: read from <see cref="LuoshiOptions.AuditKeyFile"/>; created there when the file is missing
    /// and the store's trail is still empty; otherwise <see cref="Missing"/>. Refuses a key file inside the storage
    /// folder.
    /// </summary>
    public static AuditKey ForStore(LuoshiOptions options, IAuditStore store)
    {
        var path = options.AuditKeyFile;
        var storage = System.IO.Path.GetFullPath(options.StoragePath).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        if (path.StartsWith(storage + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new DomainRuleException($"审计密钥文件 {path} 在数据目录 {storage} 之内：备份会把密钥和记录一起带走，" +
                "密钥就失去了作用。请把 Luoshi:AuditKeyPath 设在数据目录之外。");
        if (File.Exists(path)) return Read(path);
        return store.Audit.Count() == 0 && store.AuditPending.Count() == 0 ? Create(path) : Missing(path);
    }

    /// <summary>Reads a key file; a file of the wrong length is refused.</summary>
    public static AuditKey Read(string path)
    {
        var secret = File.ReadAllBytes(path);
        if (secret.Length != Length)
            throw new DomainRuleException($"审计密钥文件 {path} 已损坏（应为 {Length} 字节，实为 {secret.Length} 字节）。" +
                "请从单独保存的密钥备份恢复该文件。");
        return new AuditKey(path, secret);
    }

    /// <summary>Writes a new key (readable by its owner only); when another process wrote one first, reads it.</summary>
    public static AuditKey Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew };
        create.Access = FileAccess.Write;
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temp, create))
        {
            file.Write(RandomNumberGenerator.GetBytes(Length));
            file.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
        return Read(path);
    }

    /// <summary>The hash of <paramref name="data"/>: HMAC-SHA256 with the key (prefixed), else SHA-256.</summary>
    public string Hash(byte[] data) => _secret is null
        ? Convert.ToHexStringLower(SHA256.HashData(data))
        : KeyedPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, data));

    /// <summary>Whether <paramref name="hash"/> was made with a key.</summary>
    public static bool IsKeyed(string hash) => hash.StartsWith(KeyedPrefix, StringComparison.Ordinal);
}
