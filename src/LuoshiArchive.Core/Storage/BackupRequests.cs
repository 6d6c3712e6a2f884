using System.Text.Json;

namespace LuoshiArchive.Core.Storage;

/// <summary>
/// Lets <c>luoshi backup</c> work while the web app holds the store: the CLI drops a request file in
/// <c>storage/requests/</c>, the web app (which owns the database) takes the backup and writes the outcome beside it.
/// </summary>
public static class BackupRequests
{
    private sealed record Request(string OutFile);
    private sealed record Outcome(bool Succeeded, string Message);

    public static string Folder(string storagePath) => Path.Combine(storagePath, "requests");

    /// <summary>Asks the process that holds the store for a backup and waits for it.</summary>
    public static string Submit(string storagePath, string outFile, TimeSpan timeout, Action? waiting = null)
    {
        var folder = Folder(storagePath);
        Directory.CreateDirectory(folder);
        var id = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(folder, id + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(new Request(Path.GetFullPath(outFile))));
        File.Move(temp, Path.Combine(folder, id + ".request"));
        var done = Path.Combine(folder, id + ".outcome");
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(done))
        {
            if (DateTime.UtcNow > deadline)
            {
                File.Delete(Path.Combine(folder, id + ".request"));
                throw new DomainRuleException("运行中的网页端没有在规定时间内完成备份：请确认它是本版本并正在运行，或先停止它再备份。");
            }
            waiting?.Invoke();
            Thread.Sleep(500);
        }
        var outcome = JsonSerializer.Deserialize<Outcome>(File.ReadAllText(done))!;
        File.Delete(done);
        return outcome.Succeeded ? outcome.Message : throw new DomainRuleException(outcome.Message);
    }

    /// <summary>Run by the store's owner: takes every pending request and writes its outcome.</summary>
    /// <param name="store">The store this process holds.</param>
    /// <param name="auditHead">The audit chain's head now, for the backup to carry.</param>
    public static int ServePending(IBackupSource store, Func<string>? auditHead = null)
    {
        var folder = Folder(store.StoragePath);
        if (!Directory.Exists(folder)) return 0;
        var served = 0;
        foreach (var request in Directory.GetFiles(folder, "*.request"))
        {
            var outcome = Path.ChangeExtension(request, ".outcome");
            try
            {
                var outFile = JsonSerializer.Deserialize<Request>(File.ReadAllText(request))!.OutFile;
                var info = StoreBackup.Create(store, outFile, auditHead?.Invoke());
                Write(outcome, new Outcome(true, $"已备份到 {outFile}（{info.Files} 个文件，{info.Bytes / 1024} KB）"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or DomainRuleException)
            {
                Write(outcome, new Outcome(false, "备份失败：" + e.Message));
            }
            File.Delete(request);
            served++;
        }
        return served;
    }

    private static void Write(string path, Outcome outcome)
    {
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(outcome));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
