using LuoshiArchive.Core;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi backup --out FILE</c>: a consistent backup of the whole store. When the web app holds the store, it takes
/// the backup on this command's behalf, so users are not stopped.
/// </summary>
public sealed class BackupCommand : ICliCommand
{
    public string[] Words => ["backup"];
    public string[] ValueOptions => ["out"];
    public string[] Flags => [];
    public string Usage => "luoshi backup --out FILE.zip                 备份整个数据目录（网页端运行时也可）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var outFile = Path.GetFullPath(line.Required("out"));
        ILuoshiStore store;
        try
        {
            store = context.Store;
        }
        catch (Exception e) when (e is StorageInUseException || e.InnerException is StorageInUseException)
        {
            context.Error.Write("数据目录正被网页端使用，已请它代为备份");
            var message = BackupRequests.Submit(context.StoragePath, outFile, TimeSpan.FromMinutes(30), () => context.Error.Write("."));
            context.Error.WriteLine();
            context.Error.WriteLine(message);
            return Task.FromResult(LuoshiCli.Success);
        }
        var info = StoreBackup.Create(store, outFile, context.Get<Core.Audit.AuditLog>().Head().ToJson());
        context.Error.WriteLine($"已备份到 {outFile}（{info.Files} 个文件，{info.Bytes / 1024} KB）");
        return Task.FromResult(LuoshiCli.Success);
    }
}
