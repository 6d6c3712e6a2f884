using LuoshiArchive.Cli;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// The chain alone cannot show its last entries deleted, or an entry edited and every later hash recomputed; checked
/// against the head a backup or an annual bundle carries (<c>luoshi audit verify --against FILE</c>), it can.
/// </summary>
public sealed class AuditAgainstCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-cli-audit-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 12, 20));
    private string Storage => Path.Combine(_root, "storage");

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync(
            [.. args, "--storage", Storage], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void DeleteLastEntries(int count)
    {
        using var store = LiteDbStore.Open(Storage, "attacker");
        for (var i = 0; i < count; i++) store.Audit.Delete(store.Audit.FindLast()!.Id);
    }

    [Fact]
    public async Task Deleting_the_last_entries_passes_alone_and_fails_against_a_backup_and_a_bundle()
    {
        await Run("init", "--demo");
        var backup = Path.Combine(_root, "备份.zip");
        var bundle = Path.Combine(_root, "2018年度归档包.zip");
        Assert.Equal(0, (await Run("backup", "--out", backup)).Exit);
        Assert.Equal(0, (await Run("bundle", "export", "--year", "2018", "--out", bundle)).Exit);
        Assert.Equal(0, (await Run("audit", "verify", "--against", backup)).Exit);

        DeleteLastEntries(3);

        Assert.Equal(0, (await Run("audit", "verify")).Exit);
        foreach (var file in new[] { backup, bundle })
        {
            var against = await Run("audit", "verify", "--against", file);
            Assert.Equal(1, against.Exit);
            Assert.Contains("审计记录被截短", against.Out);
        }
    }

    [Fact]
    public async Task An_edited_entry_with_every_later_hash_recomputed_passes_alone_and_fails_against_a_backup()
    {
        await Run("init", "--demo");
        var backup = Path.Combine(_root, "备份.zip");
        Assert.Equal(0, (await Run("backup", "--out", backup)).Exit);

        using (var store = LiteDbStore.Open(Storage, "attacker"))
        {
            // The attacker takes every entry from the second on off the chain, edits one and chains them again.
            foreach (var entry in store.Audit.FindAll().Where(e => e.Id >= 2).ToList())
            {
                store.Audit.Delete(entry.Id);
                if (entry.Id == 2) entry.Details = "被改写的记录";
                (entry.Id, entry.Hash, entry.PreviousHash) = (0, "", "");
                store.AuditPending.Insert(entry);
            }
            new AuditLog(store, _clock).Seal();
        }

        Assert.Equal(0, (await Run("audit", "verify")).Exit);
        var against = await Run("audit", "verify", "--against", backup);
        Assert.Equal(1, against.Exit);
        Assert.Contains("审计记录链被改写", against.Out);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
