using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi backup verify FILE</c>: checks every file of a backup against its manifest; exit 1 on any problem.</summary>
public sealed class BackupVerifyCommand : ICliCommand
{
    public string[] Words => ["backup", "verify"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi backup verify FILE.zip                校验备份文件";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个备份文件。");
        if (!File.Exists(line.Positionals[0])) throw new Core.DomainRuleException($"找不到文件“{line.Positionals[0]}”。");
        var problems = StoreBackup.Verify(line.Positionals[0]);
        foreach (var problem in problems) context.Error.WriteLine("  " + problem);
        context.Error.WriteLine(problems.Count == 0 ? "备份完整，所有文件校验一致。" : $"发现 {problems.Count} 个问题。");
        return Task.FromResult(problems.Count == 0 ? LuoshiCli.Success : LuoshiCli.Failure);
    }
}
