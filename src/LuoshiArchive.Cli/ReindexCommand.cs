using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi reindex</c>: rebuilds the search index from the store and the stored texts, with progress.</summary>
public sealed class ReindexCommand : ICliCommand
{
    public string[] Words => ["reindex"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi reindex                            从数据目录重建全文索引";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        ProgressBar? bar = null;
        var count = context.Get<DossierService>().Reindex(new ImmediateProgress(p =>
        {
            bar ??= new ProgressBar(context.Error, p.Total);
            if (p.Done % 50 == 0 || p.Done == p.Total) bar.Report(p.Done);
        }));
        context.Error.WriteLine($"已重建索引：{count} 件佐证材料。");
        return Task.FromResult(LuoshiCli.Success);
    }

}
