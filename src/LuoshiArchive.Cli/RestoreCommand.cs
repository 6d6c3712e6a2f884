using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi restore FILE</c>: into an empty storage folder; verified first, the search index rebuilt after.</summary>
public sealed class RestoreCommand : ICliCommand
{
    public string[] Words => ["restore"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi restore FILE.zip                      从备份恢复到空的数据目录（和空的 --database）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个备份文件。");
        if (!File.Exists(line.Positionals[0])) throw new Core.DomainRuleException($"找不到文件“{line.Positionals[0]}”。");
        if (context.Database.Length == 0 && HoldsDatabaseSnapshot(line.Positionals[0]))
            throw new UsageException("此备份来自 PostgreSQL 数据库：请用 --database CONN 恢复到空的 PostgreSQL 数据库。");
        StoreBackup.Restore(line.Positionals[0], context.StoragePath);
        if (context.Database.Length > 0) DatabaseRestore.Load(context);
        context.Error.WriteLine($"已恢复到 {context.StoragePath}，正在重建全文索引…");
        var count = context.Get<DossierService>().Reindex();
        context.Error.WriteLine($"恢复完成：{count} 件佐证材料已重新索引。");
        return Task.FromResult(LuoshiCli.Success);
    }

    private static bool HoldsDatabaseSnapshot(string file)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(file);
            return zip.GetEntry(Storage.Postgres.PgStore.SnapshotFileName) is not null;
        }
        catch (InvalidDataException)
        {
            return false; // not a ZIP: the restore's own check says so
        }
    }
}
