using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.Postgres;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi migrate --to CONN</c>: copies the embedded store of the storage folder into an empty PostgreSQL database,
/// then checks every count and every evidence blob's SHA-256. The blobs stay in the storage folder, which the web
/// nodes then share; from then on run everything with <c>--database CONN</c> (or <c>Luoshi__Database</c>).
/// </summary>
public sealed class MigrateCommand : ICliCommand
{
    public string[] Words => ["migrate"];
    public string[] ValueOptions => ["to"];
    public string[] Flags => [];
    public string Usage => "luoshi migrate --to CONN                      把内置数据库迁移到空的 PostgreSQL 数据库";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var to = line.Value("to");
        if (string.IsNullOrWhiteSpace(to)) throw new UsageException("请用 --to 给出目标 PostgreSQL 连接串。");
        if (context.Database.Length > 0)
            throw new UsageException("migrate 从数据目录中的内置数据库迁出：请不要同时给出 --database（或设置 Luoshi__Database）。");
        var source = context.Store;
        using var target = PgStore.Open(to, context.StoragePath);
        context.Error.WriteLine($"正在迁移 {context.StoragePath} → {target.Description} …");
        var counts = StoreMigration.Copy(source, target, name => context.Error.WriteLine($"  复制 {name}"));
        var wrong = counts.Where(c => c.Source != c.Target).ToList();
        foreach (var count in counts.Where(c => c.Source > 0 || c.Target > 0))
            context.Out.WriteLine($"{count.Name}\t{count.Source}\t{count.Target}");
        foreach (var count in wrong)
            context.Error.WriteLine($"  {count.Name}：源 {count.Source} 条，目标 {count.Target} 条，不一致。");
        var blobs = StoreMigration.CheckBlobs(target, context.StoragePath);
        foreach (var problem in blobs) context.Error.WriteLine("  " + problem);
        if (wrong.Count > 0 || blobs.Count > 0)
        {
            context.Error.WriteLine($"迁移后校验发现 {wrong.Count + blobs.Count} 个问题。");
            return Task.FromResult(LuoshiCli.Failure);
        }
        context.Error.WriteLine($"迁移完成：{counts.Sum(c => c.Target)} 条记录，计数一致；" +
            $"{target.Evidence.Count()} 件佐证材料的文件与 SHA-256 一致。");
        return Task.FromResult(LuoshiCli.Success);
    }
}
