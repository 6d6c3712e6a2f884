using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace LuoshiArchive.Core.Storage;

/// <summary>
/// A whole-store backup as one ZIP: a consistent snapshot of the records (written by the engine from one point in
/// time, so writers are not stopped), every blob, <c>backup-info.json</c>, and <c>manifest-sha256.txt</c> with the digest of
/// every file. The search index is left out: it is rebuilt after a restore.
/// </summary>
public static class StoreBackup
{
    public const string Manifest = "manifest-sha256.txt";
    public const string Info = "backup-info.json";
    /// <summary>The audit chain's head when the backup was taken (Audit.AuditHead.FileName).</summary>
    public const string AuditHeadFile = "audit-head.json";

    public sealed record BackupInfo(int SchemaVersion, DateTime CreatedAt, int Files, long Bytes);

    /// <param name="store">The engine's snapshot source.</param>
    /// <param name="outFile">The backup ZIP to write.</param>
    /// <param name="auditHead">The audit chain's head (<c>AuditHead.ToJson</c>), written beside the manifest.</param>
    public static BackupInfo Create(IBackupSource store, string outFile, string? auditHead = null)
    {
        var target = Path.GetFullPath(outFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        var snapshot = Path.Combine(Path.GetTempPath(), "luoshi-snapshot-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            store.WriteSnapshot(snapshot);
            var manifest = new StringBuilder();
            long bytes = 0;
            var files = 0;
            var damaged = new List<string>();
            BackupInfo info;
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                void Add(string source, string name)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                    using var input = File.OpenRead(source);
                    using var output = entry.Open();
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[81920];
                    int read;
                    while ((read = input.Read(buffer)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        output.Write(buffer, 0, read);
                        bytes += read;
                    }
                    var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
                    if (DamagedOriginal(name, digest)) damaged.Add(name);
                    manifest.Append(digest).Append("  ").Append(name).Append('\n');
                    files++;
                }
                Add(snapshot, store.SnapshotName);
                var blobs = Path.Combine(store.StoragePath, "blobs");
                if (Directory.Exists(blobs))
                {
                    // Blobs never change once written and are written before their metadata: every blob the
                    // snapshot refers to is already on disk.
                    foreach (var blob in Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                        Add(blob, "blobs/" + Path.GetRelativePath(blobs, blob).Replace('\\', '/'));
                }
                // A backup certifies what it holds: it is not written over an original that changed after intake.
                if (damaged.Count > 0)
                    throw new DomainRuleException($"有 {damaged.Count} 个原件的内容与其 SHA-256 不符（已损坏），未生成备份：" +
                        string.Join("、", damaged.Take(5)) + (damaged.Count > 5 ? " 等" : "") +
                        "。请运行 luoshi check 查看全部问题，从较早的备份恢复这些文件后再备份。");
                info = new BackupInfo(store.SchemaVersion, DateTime.UtcNow, files, bytes);
                WriteText(zip, Info, System.Text.Json.JsonSerializer.Serialize(info, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                WriteText(zip, Manifest, manifest.ToString());
                if (auditHead is not null) WriteText(zip, AuditHeadFile, auditHead);
                }
                file.Flush(flushToDisk: true);
            }
            // Only a whole, flushed backup gets the final name.
            File.Move(partial, target, overwrite: true);
            return info;
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    /// <summary>Every problem found: a file missing, altered, or not in the manifest. Empty when the backup is whole.</summary>
    public static IReadOnlyList<string> Verify(string backupFile)
    {
        var problems = new List<string>();
        using var zip = OpenZip(backupFile);
        var manifestEntry = zip.GetEntry(Manifest);
        if (manifestEntry is null) return [$"缺少清单 {Manifest}：不是落实档案的备份文件，或已损坏。"];
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(manifestEntry.Open()))
        {
            foreach (var line in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split("  ", 2);
                if (parts.Length == 2) expected[parts[1]] = parts[0];
            }
        }
        foreach (var entry in zip.Entries.Where(IsStoredFile))
        {
            if (!expected.Remove(entry.FullName, out var digest)) { problems.Add($"多出的文件：{entry.FullName}"); continue; }
            using var stream = entry.Open();
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (actual != digest) problems.Add($"文件已被改动：{entry.FullName}");
            else if (DamagedOriginal(entry.FullName, actual)) problems.Add($"原件的内容与其 SHA-256 不符（备份前已损坏）：{entry.FullName}");
        }
        problems.AddRange(expected.Keys.Select(missing => $"缺少文件：{missing}"));
        return problems;
    }

    /// <summary>Unpacks a verified backup into an empty storage folder. The caller rebuilds the index.</summary>
    public static void Restore(string backupFile, string storagePath)
    {
        var root = Path.GetFullPath(storagePath);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any(e => Path.GetFileName(e) is not (".gitkeep" or "README.md")))
            throw new DomainRuleException($"数据目录 {root} 不是空的：恢复只能恢复到空目录，以免覆盖现有数据。");
        var problems = Verify(backupFile);
        if (problems.Count > 0) throw new DomainRuleException("备份文件校验未通过，未恢复：" + string.Join("；", problems.Take(5)));
        Directory.CreateDirectory(root);
        using var zip = OpenZip(backupFile);
        foreach (var entry in zip.Entries.Where(IsStoredFile))
        {
            var destination = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!destination.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new DomainRuleException($"备份中的路径不安全：{entry.FullName}");
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            entry.ExtractToFile(destination);
        }
    }

    /// <summary>An original (<c>blobs/ab/cd/&lt;sha&gt;</c>) whose bytes no longer hash to its name.</summary>
    private static bool DamagedOriginal(string name, string digest) =>
        name.StartsWith("blobs/", StringComparison.Ordinal) && Path.GetFileName(name) is var file && BlobStore.IsDigest(file) && file != digest;

    private static void WriteText(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static ZipArchive OpenZip(string file)
    {
        try
        {
            return ZipFile.OpenRead(file);
        }
        catch (InvalidDataException)
        {
            throw new DomainRuleException($"“{file}”不是有效的备份文件（ZIP 结构损坏）。");
        }
    }

    /// <summary>A file of the store in the backup (not its manifest, info or audit head, not a folder).</summary>
    private static bool IsStoredFile(ZipArchiveEntry entry) =>
        entry.FullName is not (Manifest or Info or AuditHeadFile) && !entry.FullName.EndsWith('/');
}
