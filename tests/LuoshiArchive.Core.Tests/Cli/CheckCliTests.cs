using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// Stored bytes are checked: <c>luoshi check</c> finds a changed original, a gap in the index and an edited audit
/// entry; <c>backup</c> and <c>bundle export</c> refuse to certify a changed original; <c>backup verify</c> finds one
/// that a backup already holds.
/// </summary>
public sealed class CheckCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-cli-check-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 12, 20));
    private string Storage => Path.Combine(_root, "storage");

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, "--storage", Storage], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A store with the demo tasks and one text filed in 2018-001; returns the path of its original.</summary>
    private async Task<string> StoreWithOneOriginalAsync()
    {
        await Run("init", "--demo", "--tasks-only");
        var notice = Path.Combine(_root, "通知.txt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "notice.txt"), notice);
        Assert.Equal(0, (await Run("ingest", notice, "--task", "2018-001", "--title", "部署通知")).Exit);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(notice)));
        return Path.Combine(Storage, "blobs", sha[..2], sha[2..4], sha);
    }

    private static void ChangeOneByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^2] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public async Task A_whole_store_passes_the_check()
    {
        await StoreWithOneOriginalAsync();

        var check = await Run("check");

        Assert.Equal(0, check.Exit);
        Assert.Equal("", check.Out);
        Assert.Contains("1 个原件与其 SHA-256 相符，检索索引与库一致，审计记录链完整", check.Err);
    }

    [Fact]
    public async Task A_changed_original_is_listed_and_neither_backed_up_nor_exported()
    {
        var original = await StoreWithOneOriginalAsync();
        ChangeOneByte(original);

        var check = await Run("check");
        Assert.Equal(1, check.Exit);
        Assert.Contains("原件已损坏", check.Out);
        Assert.Contains("「部署通知」", check.Out);

        var backupFile = Path.Combine(_root, "备份.zip");
        var backup = await Run("backup", "--out", backupFile);
        Assert.Equal(1, backup.Exit);
        Assert.Contains("未生成备份", backup.Err);
        Assert.False(File.Exists(backupFile));

        var bundleFile = Path.Combine(_root, "2018年度归档包.zip");
        var export = await Run("bundle", "export", "--year", "2018", "--out", bundleFile);
        Assert.Equal(1, export.Exit);
        Assert.Contains("原件已损坏", export.Err);
        Assert.False(File.Exists(bundleFile));
        Assert.False(File.Exists(bundleFile + ".partial"));
    }

    [Fact]
    public async Task A_gap_in_the_index_and_an_edited_audit_entry_are_listed()
    {
        await StoreWithOneOriginalAsync();
        using (var index = new EvidenceIndex(Path.Combine(Storage, "index")))
        {
            index.Delete(1);
            index.Commit();
        }
        using (var store = LiteDbStore.Open(Storage, "test"))
        {
            var entry = store.Audit.FindById(2)!;
            entry.Details = "改写过的记录";
            store.Audit.Update(entry);
        }

        var check = await Run("check");

        Assert.Equal(1, check.Exit);
        Assert.Contains("检索索引缺少材料 1「部署通知」", check.Out);
        Assert.Contains("审计记录：第 2 条记录的内容被改动过", check.Out);
    }

    [Fact]
    public async Task Backup_verify_finds_a_changed_original_that_an_older_backup_certified()
    {
        var original = await StoreWithOneOriginalAsync();
        var backupFile = Path.Combine(_root, "备份.zip");
        Assert.Equal(0, (await Run("backup", "--out", backupFile)).Exit);

        // What a build without the check wrote for a changed original: its changed bytes, listed with their own digest.
        var name = "blobs/" + Path.GetRelativePath(Path.Combine(Storage, "blobs"), original).Replace('\\', '/');
        ChangeOneByte(original);
        var changed = File.ReadAllBytes(original);
        using (var zip = ZipFile.Open(backupFile, ZipArchiveMode.Update))
        {
            zip.GetEntry(name)!.Delete();
            using (var stream = zip.CreateEntry(name).Open()) stream.Write(changed);
            var manifest = zip.GetEntry(StoreBackup.Manifest)!;
            string text;
            using (var reader = new StreamReader(manifest.Open())) text = reader.ReadToEnd();
            manifest.Delete();
            var digest = Convert.ToHexStringLower(SHA256.HashData(changed));
            text = string.Join('\n', text.Split('\n').Select(l => l.EndsWith("  " + name, StringComparison.Ordinal) ? $"{digest}  {name}" : l));
            using var writer = new StreamWriter(zip.CreateEntry(StoreBackup.Manifest).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        var verify = await Run("backup", "verify", backupFile);

        Assert.Equal(1, verify.Exit);
        Assert.Contains("原件的内容与其 SHA-256 不符", verify.Out + verify.Err);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
