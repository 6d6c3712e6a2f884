using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// Validates a zipped BagIt bag, ours or another tool's: bagit.txt present, every payload file listed in every
/// payload manifest (md5, sha1, sha256, sha512), every listed file present, every digest matching, tag manifests too,
/// and the Payload-Oxum of bag-info.txt.
/// Files are streamed, never loaded whole.
/// </summary>
public static class BagVerifier
{
    private static readonly Dictionary<string, Func<HashAlgorithm>> Algorithms = new(StringComparer.Ordinal)
    {
        ["md5"] = MD5.Create, ["sha1"] = SHA1.Create, ["sha256"] = SHA256.Create, ["sha512"] = SHA512.Create,
    };

    public static IReadOnlyList<string> Verify(string zipFile)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(zipFile); }
        catch (InvalidDataException) { return ["不是有效的 ZIP 文件（已损坏或被截断）。"]; }
        using (zip)
        {
            var bagit = zip.Entries.FirstOrDefault(e => e.FullName == "bagit.txt" || e.FullName.EndsWith("/bagit.txt", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1);
            if (bagit is null) return ["缺少 bagit.txt：这不是 BagIt 归档包。"];
            var root = bagit.FullName[..^"bagit.txt".Length];
            var entries = zip.Entries.Where(e => e.FullName.StartsWith(root, StringComparison.Ordinal) && !e.FullName.EndsWith('/'))
                .ToDictionary(e => e.FullName[root.Length..], StringComparer.Ordinal);
            var problems = new List<string>();
            // A path that climbs out of the bag (.., an absolute path) would be written outside the target on import.
            problems.AddRange(entries.Keys.Where(Unsafe).Order(StringComparer.Ordinal).Select(k => $"不安全的路径（含 .. 或绝对路径）：{k}"));
            var manifests = entries.Keys.Where(k => k.StartsWith("manifest-", StringComparison.Ordinal) && k.EndsWith(".txt", StringComparison.Ordinal)).ToList();
            if (manifests.Count == 0) problems.Add("缺少 manifest-<算法>.txt 清单。");
            var payload = entries.Keys.Where(k => k.StartsWith("data/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            foreach (var manifest in manifests)
                problems.AddRange(Check(entries, manifest, payload, isPayload: true));
            foreach (var tagManifest in entries.Keys.Where(k => k.StartsWith("tagmanifest-", StringComparison.Ordinal)).ToList())
                problems.AddRange(Check(entries, tagManifest, null, isPayload: false));
            if (entries.TryGetValue("bag-info.txt", out var info)) problems.AddRange(CheckOxum(info, payload.Select(p => entries[p])));
            return problems;
        }
    }

    /// <summary>
    /// Payload-Oxum (RFC 8493 §2.2.2): "octets.files" of the payload. Optional, but when present it must match: the
    /// Library of Congress validator rejects a bag whose Payload-Oxum is wrong, so ours does too.
    /// </summary>
    private static IEnumerable<string> CheckOxum(ZipArchiveEntry info, IEnumerable<ZipArchiveEntry> payload)
    {
        string text;
        using (var reader = new StreamReader(info.Open(), Encoding.UTF8)) text = reader.ReadToEnd();
        var line = text.Split('\n').Select(l => l.TrimEnd('\r'))
            .FirstOrDefault(l => l.StartsWith("Payload-Oxum:", StringComparison.OrdinalIgnoreCase));
        if (line is null) yield break;
        var stated = line["Payload-Oxum:".Length..].Trim();
        var files = payload.ToList();
        var actual = $"{files.Sum(e => e.Length)}.{files.Count}";
        var parts = stated.Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var octets)
                              || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            yield return $"bag-info.txt 中的 Payload-Oxum“{stated}”格式不对（应为“字节数.文件数”）。";
        else if (octets != files.Sum(e => e.Length) || count != files.Count)
            yield return $"Payload-Oxum 不符：bag-info.txt 写的是 {stated}，实际为 {actual}（字节数.文件数）。";
    }

    private static bool Unsafe(string path) =>
        path.StartsWith('/') || path.Contains('\\') || path.Split('/').Any(part => part is ".." or ".");

    private static IEnumerable<string> Check(Dictionary<string, ZipArchiveEntry> entries, string manifest, HashSet<string>? payload, bool isPayload)
    {
        var algorithm = manifest[(manifest.IndexOf('-') + 1)..^4];
        if (!Algorithms.TryGetValue(algorithm, out var create)) { yield return $"{manifest}：不支持的算法 {algorithm}。"; yield break; }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        string text;
        using (var reader = new StreamReader(entries[manifest].Open(), Encoding.UTF8)) text = reader.ReadToEnd();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            var split = line.IndexOfAny([' ', '\t']);
            if (split < 0) { yield return $"{manifest}：无法识别的一行“{line}”。"; continue; }
            var digest = line[..split].ToLowerInvariant();
            var path = BagZipWriter.DecodePath(line[split..].TrimStart(' ', '\t', '*'));
            if (Unsafe(path) || isPayload && !path.StartsWith("data/", StringComparison.Ordinal))
            {
                yield return $"{manifest}：不安全的路径“{path}”（含 .. 、绝对路径或不在 data/ 下）。";
                continue;
            }
            listed.Add(path);
            if (!entries.TryGetValue(path, out var entry)) { yield return $"缺少文件：{path}"; continue; }
            using var hash = create();
            using var stream = entry.Open();
            if (Convert.ToHexStringLower(hash.ComputeHash(stream)) != digest) yield return $"文件已被改动（{algorithm} 不符）：{path}";
        }
        if (isPayload && payload is not null)
            foreach (var extra in payload.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal))
                yield return $"多出的文件（{manifest} 中没有）：{extra}";
    }
}
