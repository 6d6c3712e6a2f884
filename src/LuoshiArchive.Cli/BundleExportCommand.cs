using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi bundle export --year Y --out FILE.zip</c>: the annual archive bundle (BagIt, zipped), with progress.</summary>
public sealed class BundleExportCommand : ICliCommand
{
    public string[] Words => ["bundle", "export"];
    public string[] ValueOptions => ["year", "out"];
    public string[] Flags => [];
    public string Usage => "luoshi bundle export --year Y --out FILE.zip  生成年度归档包（BagIt）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var year = line.Int("year") ?? throw new UsageException("缺少必需的选项 --year。");
        var outFile = line.Required("out");
        var summary = context.Get<AnnualBundle>().Export(year, outFile, ProgressBar.On(context.Error), actor: Actor.Console());
        context.Error.WriteLine($"已生成归档包 {summary.File}：{summary.Tasks} 项任务，{summary.Evidence} 件材料。");
        return Task.FromResult(LuoshiCli.Success);
    }

}
