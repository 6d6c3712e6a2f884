using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi check</c>: every stored original against its SHA-256, the search index against the store, the audit chain.
/// Problems are listed on stdout, one a line; exit 1 when there is any.
/// </summary>
public sealed class CheckCommand : ICliCommand
{
    public string[] Words => ["check"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi check                                 检查全部原件（SHA-256）、检索索引和审计记录链";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var report = context.Get<IntegrityCheck>().Run(ProgressBar.On(context.Error));
        foreach (var problem in report.Problems) context.Out.WriteLine(problem);
        context.Error.WriteLine(report.Problems.Count == 0
            ? $"检查完毕：{report.Originals} 个原件与其 SHA-256 相符，检索索引与库一致，审计记录链完整。"
            : $"检查发现 {report.Problems.Count} 处问题（见上）。");
        return Task.FromResult(report.Problems.Count == 0 ? LuoshiCli.Success : LuoshiCli.Failure);
    }
}
