using LuoshiArchive.Core.Archive;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi bundle verify FILE.zip</c>: completeness and every digest of a zipped bag (ours or another tool's).</summary>
public sealed class BundleVerifyCommand : ICliCommand
{
    public string[] Words => ["bundle", "verify"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi bundle verify FILE.zip                校验归档包（缺失、多出、改动的文件）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个归档包文件。");
        if (!File.Exists(line.Positionals[0])) throw new Core.DomainRuleException($"找不到文件“{line.Positionals[0]}”。");
        var problems = BagVerifier.Verify(line.Positionals[0]);
        foreach (var problem in problems) context.Out.WriteLine(problem);
        context.Error.WriteLine(problems.Count == 0 ? "归档包完整，所有文件校验一致。" : $"发现 {problems.Count} 个问题。");
        return Task.FromResult(problems.Count == 0 ? LuoshiCli.Success : LuoshiCli.Failure);
    }
}
