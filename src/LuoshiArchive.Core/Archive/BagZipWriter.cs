using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Writes a BagIt 1.0 bag (RFC 8493) straight into a ZIP with UTF-8 names: payload files are streamed once, hashed
/// with SHA-256 on the way, and with SHA-512 too unless it was recorded at intake; manifests, bag-info and the tag
/// manifests (SHA-256, SHA-512) are written at the end. Nothing larger than a few copy buffers is held in memory.
/// </summary>
public sealed class BagZipWriter : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string _root;
    private readonly StringBuilder _sha256 = new();
    private readonly StringBuilder _sha512 = new();
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private long _octets;
    private int _files;

    /// <param name="output">Where the ZIP goes; left open.</param>
    /// <param name="bagName">The bag's top folder inside the ZIP.</param>
    public BagZipWriter(Stream output, string bagName)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _root = ArchiveNames.Safe(bagName) + "/";
    }

    /// <summary>Adds a payload file under data/.</summary>
    /// <param name="path">Below data/, with '/' between folders.</param>
    /// <param name="content">Read once, to its end.</param>
    /// <param name="modified">The entry's time in the ZIP.</param>
    /// <param name="compress">False for originals (PDF, DOCX, images are compressed already).</param>
    /// <param name="sha256">
    /// The content's SHA-256 as recorded when it was stored (a blob's content address): the content is checked against
    /// it, and a stored copy changed after intake is refused (<see cref="DomainRuleException"/>) instead of being
    /// certified anew. It is hashed on the other core, off the reading thread.
    /// </param>
    /// <param name="sha512">
    /// The content's SHA-512 as recorded at intake, listed in manifest-sha512 as it is. Only with
    /// <paramref name="sha256"/>: the SHA-256 check shows the bytes are the ones both digests were taken of, so SHA-512
    /// (the dearer digest) is not computed again. Without it, SHA-512 is computed beside SHA-256.
    /// </param>
    public void AddPayload(string path, Stream content, DateTimeOffset? modified = null, bool compress = true,
        string? sha256 = null, string? sha512 = null)
    {
        if (sha512 is not null && sha256 is null)
            throw new ArgumentException("a recorded SHA-512 is trusted only beside the SHA-256 it is checked by",
                nameof(sha512));
        var full = "data/" + path;
        if (!_paths.Add(full)) throw new InvalidOperationException($"duplicate payload path {full}");
        var entry = _zip.CreateEntry(_root + full, compress ? CompressionLevel.Fastest : CompressionLevel.NoCompression);
        if (modified is { } when) entry.LastWriteTime = when;
        using var computed256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var computed512 = sha512 is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA512) : null;
        using (var target = entry.Open())
            _octets += DigestingCopy.Copy(content, target,
                computed512 is null ? [computed256] : [computed256, computed512]);
        var actual256 = Convert.ToHexStringLower(computed256.GetHashAndReset());
        if (sha256 is not null && actual256 != sha256)
            throw new DomainRuleException($"原件已损坏：{path} 的内容与入库时的 SHA-256 不符，未生成此包。" +
                "请运行 luoshi check 查看全部问题，从备份恢复该原件后再生成。");
        _files++;
        var encoded = EncodePath(full);
        _sha256.Append(actual256).Append(' ').Append(encoded).Append('\n');
        _sha512.Append(sha512 ?? Convert.ToHexStringLower(computed512!.GetHashAndReset()))
            .Append(' ').Append(encoded).Append('\n');
    }

    public void AddPayload(string path, string text) => AddPayload(path, new MemoryStream(new UTF8Encoding(false).GetBytes(text)));

    /// <summary>Writes the tag files. Call once, after the last payload file.</summary>
    public void Finish(string sourceOrganization, string externalIdentifier, string description, DateOnly baggingDate)
    {
        var tags = new List<(string Name, string Text)>
        {
            ("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
            ("bag-info.txt", string.Create(CultureInfo.InvariantCulture,
                $"Source-Organization: {sourceOrganization}\nBagging-Date: {baggingDate:yyyy-MM-dd}\nExternal-Identifier: {externalIdentifier}\n" +
                $"External-Description: {description}\nPayload-Oxum: {_octets}.{_files}\nBag-Size: {ByteSize.Format(_octets)}\n")),
            ("manifest-sha256.txt", _sha256.ToString()),
            ("manifest-sha512.txt", _sha512.ToString()),
        };
        // A tag manifest for each payload algorithm (RFC 8493 §2.2.1), so a validator that checks only SHA-512 checks the tags too.
        var tagSha256 = new StringBuilder();
        var tagSha512 = new StringBuilder();
        foreach (var (name, text) in tags)
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            using (var stream = _zip.CreateEntry(_root + name).Open()) stream.Write(bytes);
            tagSha256.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append(' ').Append(name).Append('\n');
            tagSha512.Append(Convert.ToHexStringLower(SHA512.HashData(bytes))).Append(' ').Append(name).Append('\n');
        }
        foreach (var (name, text) in new[] { ("tagmanifest-sha256.txt", tagSha256), ("tagmanifest-sha512.txt", tagSha512) })
        {
            using var tag = _zip.CreateEntry(_root + name).Open();
            tag.Write(new UTF8Encoding(false).GetBytes(text.ToString()));
        }
    }

    /// <summary>RFC 8493 §2.1.3: CR, LF and % in a path are percent-encoded in manifests.</summary>
    public static string EncodePath(string path) => path.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string DecodePath(string path) => path.Replace("%0D", "\r").Replace("%0d", "\r").Replace("%0A", "\n").Replace("%0a", "\n").Replace("%25", "%");

    public void Dispose() => _zip.Dispose();
}
