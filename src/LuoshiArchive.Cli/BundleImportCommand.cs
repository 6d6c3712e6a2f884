using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi bundle import FILE.zip</c>: restores a year from its bundle into a store that does not hold it.</summary>
public sealed class BundleImportCommand : ICliCommand
{
    public string[] Words => ["bundle", "import"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi bundle import FILE.zip                从年度归档包恢复（数据目录中不能已有该年度）";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个归档包文件。");
        if (!File.Exists(line.Positionals[0])) throw new Core.DomainRuleException($"找不到文件“{line.Positionals[0]}”。");
        context.Error.WriteLine("正在校验并导入归档包（会重新读取每件材料的文字）…");
        // Refuse a bad bag before the storage folder is opened: opening it creates its folders and database.
        BundleImport.Check(line.Positionals[0]);
        var summary = await context.Get<BundleImport>().ImportAsync(line.Positionals[0], Actor.Console("归档包导入"));
        context.Error.WriteLine($"已导入{summary.Year}年度：{summary.Tasks} 项任务，{summary.Evidence} 件材料，{summary.Meetings} 次会议；全文索引已更新。");
        return LuoshiCli.Success;
    }
}
