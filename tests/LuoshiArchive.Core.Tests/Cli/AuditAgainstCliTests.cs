using System.IO.Compression;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// The chain is keyed with a file outside the storage folder (created by <c>luoshi init</c>): whoever rewrites it
/// without the key is caught by <c>audit verify</c> alone. Deleting its last entries, or rewriting it with the key, is
/// caught against the signed head a backup or an annual bundle carries (<c>luoshi audit verify --against FILE</c>).
/// </summary>
public sealed class AuditAgainstCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-cli-audit-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 12, 20));
    private string Storage => Path.Combine(_root, "storage");
    private string KeyFile => Storage + ".audit-key";

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync(
            [.. args, "--storage", Storage], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> InitWithBackup()
    {
        await Run("init", "--demo", "--tasks-only");
        var backup = Path.Combine(_root, "备份.zip");
        Assert.Equal(0, (await Run("backup", "--out", backup)).Exit);
        return backup;
    }

    /// <summary>Takes the entries from <paramref name="from"/> on off the chain, edits one, chains them again.</summary>
    private void Rewrite(int from, AuditKey key)
    {
        using var store = LiteDbStore.Open(Storage, "attacker");
        foreach (var entry in store.Audit.FindAll().Where(e => e.Id >= from).ToList())
        {
            store.Audit.Delete(entry.Id);
            if (entry.Id == from + 1) entry.Details = "被改写的记录";
            (entry.Id, entry.Hash, entry.PreviousHash) = (0, "", "");
            store.AuditPending.Insert(entry);
        }
        new AuditLog(store, _clock, key).Seal();
    }

    [Fact]
    public async Task Init_creates_the_key_beside_the_storage_folder_and_backups_do_not_carry_it()
    {
        var backup = await InitWithBackup();

        Assert.Equal(AuditKey.Length, new FileInfo(KeyFile).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        var secret = await File.ReadAllBytesAsync(KeyFile);
        using var zip = ZipFile.OpenRead(backup);
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = entry.Open()) await stream.CopyToAsync(content);
            Assert.False(content.ToArray().AsSpan().IndexOf(secret) >= 0, $"{entry.FullName} carries the key");
        }
        Assert.DoesNotContain(Directory.EnumerateFiles(Storage, "*", SearchOption.AllDirectories),
            f => File.ReadAllBytes(f).AsSpan().IndexOf(secret) >= 0);
    }

    [Fact]
    public async Task A_chain_rewritten_without_the_key_fails_verification_alone()
    {
        await InitWithBackup();

        Rewrite(1, AuditKey.Missing(KeyFile));

        var verify = await Run("audit", "verify");
        Assert.Equal(1, verify.Exit);
        Assert.Contains("第 1 条记录不是用审计密钥计算的", verify.Out);
    }

    [Fact]
    public async Task Without_the_key_file_verification_says_the_key_is_missing()
    {
        await InitWithBackup();
        File.Move(KeyFile, KeyFile + ".elsewhere");

        var verify = await Run("audit", "verify");

        Assert.Equal(1, verify.Exit);
        Assert.Contains($"审计密钥文件 {KeyFile} 不存在：第 1 条起的记录以密钥计算，无法校验", verify.Out);
        Assert.DoesNotContain("被改动过", verify.Out);
    }

    [Fact]
    public async Task Deleting_the_last_entries_passes_alone_and_fails_against_a_backup_and_a_bundle()
    {
        var backup = await InitWithBackup();
        var bundle = Path.Combine(_root, "2018年度归档包.zip");
        Assert.Equal(0, (await Run("bundle", "export", "--year", "2018", "--out", bundle)).Exit);
        Assert.Equal(0, (await Run("audit", "verify", "--against", backup)).Exit);

        using (var store = LiteDbStore.Open(Storage, "attacker"))
            for (var i = 0; i < 3; i++) store.Audit.Delete(store.Audit.FindLast()!.Id);

        Assert.Equal(0, (await Run("audit", "verify")).Exit);
        foreach (var file in new[] { backup, bundle })
        {
            var against = await Run("audit", "verify", "--against", file);
            Assert.Equal(1, against.Exit);
            Assert.Contains("审计记录被截短", against.Out);
        }
    }

    [Fact]
    public async Task A_backup_head_changed_to_fit_a_shortened_chain_is_caught_by_its_signature()
    {
        var backup = await InitWithBackup();
        AuditHead shortened;
        using (var store = LiteDbStore.Open(Storage, "attacker"))
        {
            for (var i = 0; i < 3; i++) store.Audit.Delete(store.Audit.FindLast()!.Id);
            var last = store.Audit.FindLast()!;
            shortened = new AuditHead(store.Audit.Count(), last.Id, last.Hash, DateTime.UtcNow);
        }
        using (var zip = ZipFile.Open(backup, ZipArchiveMode.Update))
        {
            zip.GetEntry(AuditHead.FileName)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(AuditHead.FileName).Open());
            await writer.WriteAsync(shortened.ToJson());
        }

        var against = await Run("audit", "verify", "--against", backup);

        Assert.Equal(1, against.Exit);
        Assert.Contains("中的审计链头（audit-head.json）与审计密钥不符", against.Out);
    }

    [Fact]
    public async Task A_chain_rewritten_with_the_key_passes_alone_and_fails_against_a_backup()
    {
        var backup = await InitWithBackup();

        Rewrite(2, AuditKey.Read(KeyFile));

        Assert.Equal(0, (await Run("audit", "verify")).Exit);
        var against = await Run("audit", "verify", "--against", backup);
        Assert.Equal(1, against.Exit);
        Assert.Contains("审计记录链被改写", against.Out);
    }

    [Fact]
    public void A_key_file_inside_the_storage_folder_is_refused()
    {
        using var store = LiteDbStore.Open(Storage, "test");
        var options = new LuoshiOptions { StoragePath = Storage, AuditKeyPath = Path.Combine(Storage, "audit.key") };

        var refused = Assert.Throws<DomainRuleException>(() => AuditKey.ForStore(options, store));

        Assert.Contains("在数据目录", refused.Message);
        Assert.False(File.Exists(options.AuditKeyPath));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
