using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Blake3;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Writes a BagIt 1.0 bag (RFC 8493) straight into a ZIP with UTF-8 names: payload files are streamed once, hashed
/// on the way (an original against the digests recorded at intake, see <see cref="AddPayload(string, Stream,
/// DateTimeOffset?, bool, RecordedDigests?)"/>); manifests, bag-info and the tag manifests (SHA-256, SHA-512) are
/// written at the end. Nothing larger than a few copy buffers is held in memory.
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
    /// <param name="recorded">
    /// The digests recorded when the content was stored (an original's). The content is checked against them, and a
    /// stored copy changed after intake is refused (<see cref="DomainRuleException"/>) instead of being certified
    /// anew: against the recorded BLAKE3 where there is one (the cheapest digest that still refuses any change, even
    /// a deliberate one), else against SHA-256. The check shows the bytes are those all the recorded digests were taken
    /// of, so the manifests list the recorded SHA-256 and SHA-512 as they are; what was not recorded is computed.
    /// BLAKE3 alone runs on this thread; the SHA digests on the other core, off the reading thread.
    /// </param>
    public void AddPayload(string path, Stream content, DateTimeOffset? modified = null, bool compress = true,
        RecordedDigests? recorded = null)
    {
        var full = "data/" + path;
        if (!_paths.Add(full)) throw new InvalidOperationException($"duplicate payload path {full}");
        var entry = _zip.CreateEntry(_root + full, compress ? CompressionLevel.Fastest : CompressionLevel.NoCompression);
        if (modified is { } when) entry.LastWriteTime = when;
        using var blake3 = recorded?.Blake3 is null ? null : new Blake3HashAlgorithm();
        using var sha256 = blake3 is null ? SHA256.Create() : null;
        using var sha512 = recorded?.Sha512 is null ? SHA512.Create() : null;
        using (var target = entry.Open())
            _octets += DigestingCopy.Copy(content, target,
                new HashAlgorithm?[] { blake3, sha256, sha512 }.OfType<HashAlgorithm>().ToList(),
                cheap: sha256 is null && sha512 is null);
        var computed256 = sha256 is null ? null : Hex(sha256);
        var (actual, expected) = blake3 is null ? (computed256, recorded?.Sha256) : (Hex(blake3), recorded!.Blake3);
        if (expected is not null && actual != expected)
            throw new DomainRuleException($"原件已损坏：{path} 的内容与入库时记录的校验值不符，未生成此包。" +
                "请运行 luoshi check 查看全部问题，从备份恢复该原件后再生成。");
        _files++;
        var encoded = EncodePath(full);
        _sha256.Append(computed256 ?? recorded!.Sha256).Append(' ').Append(encoded).Append('\n');
        _sha512.Append(recorded?.Sha512 ?? Hex(sha512!)).Append(' ').Append(encoded).Append('\n');
    }

    private static string Hex(HashAlgorithm digest)
    {
        digest.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(digest.Hash!);
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
