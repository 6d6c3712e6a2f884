using LuoshiArchive.Cli;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class BackupCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-cli-backup-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));
    private string Storage => Path.Combine(_root, "storage");

    private async Task<(int Exit, string Out, string Err)> Run(string storage, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(storage)], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Backup_verify_and_restore_bring_the_same_tasks_back()
    {
        await Run(Storage, "init", "--demo", "--tasks-only");
        var file = Path.Combine(_root, "备份.zip");

        Assert.Equal(0, (await Run(Storage, "backup", "--out", file)).Exit);
        Assert.Equal(0, (await Run(Storage, "backup", "verify", file)).Exit);
        var restored = Path.Combine(_root, "restored");
        var restore = await Run(restored, "restore", file);

        Assert.Equal(0, restore.Exit);
        Assert.Equal((await Run(Storage, "tasks", "list", "--json")).Out, (await Run(restored, "tasks", "list", "--json")).Out);
        var again = await Run(restored, "restore", file);
        Assert.Equal(1, again.Exit);
        Assert.Contains("不是空的", again.Err);
    }

    [Fact]
    public async Task Backup_while_the_store_is_held_is_taken_by_the_holder()
    {
        await Run(Storage, "init", "--demo", "--tasks-only");
        var file = Path.Combine(_root, "运行中备份.zip");
        using var holder = TestDatabase.OnPostgres ? TestDatabase.Open(Storage) : LiteDbStore.Open(Storage, "luoshi-web");
        using var stop = new CancellationTokenSource();
        // Stands in for the web app's BackupRequestWatcher.
        var web = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                BackupRequests.ServePending(holder);
                await Task.Delay(100);
            }
        });

        var (exit, _, stderr) = await Run(Storage, "backup", "--out", file);
        await stop.CancelAsync();
        await web;

        Assert.Equal(0, exit);
        // On PostgreSQL the CLI takes the backup itself (a repeatable-read snapshot) while the web app runs.
        if (!TestDatabase.OnPostgres) Assert.Contains("网页端", stderr);
        Assert.Empty(StoreBackup.Verify(file));
    }

    [Fact]
    public async Task Verifying_a_file_that_is_not_a_backup_fails_with_a_message()
    {
        var bogus = Path.Combine(_root, "bogus.zip");
        File.WriteAllText(bogus, "not a zip");
        var (exit, _, stderr) = await Run(Storage, "backup", "verify", bogus);
        Assert.Equal(1, exit);
        Assert.Contains("不是有效的备份文件", stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
