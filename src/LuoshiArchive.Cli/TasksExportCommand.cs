using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi tasks export FILE.xlsx [--year Y] [--view tree|leaves]</c>: the one-table view as XLSX (the decomposition
/// tree by default, or only the tasks without children), written to a temp file then renamed.
/// </summary>
public sealed class TasksExportCommand : ICliCommand
{
    public string[] Words => ["tasks", "export"];
    public string[] ValueOptions => ["year", "view"];
    public string[] Flags => [];
    public string Usage => "luoshi tasks export FILE.xlsx [--year Y] [--view tree|leaves]   导出工作落实清单一览表（树形或仅末级任务）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个输出文件名，例如 一览表.xlsx。");
        var target = Path.GetFullPath(line.Positionals[0]);
        if (!target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new UsageException("输出文件应以 .xlsx 结尾。");
        var view = line.Value("view") switch
        {
            null or "tree" => Core.OneTable.OneTableView.Tree,
            "leaves" => Core.OneTable.OneTableView.Leaves,
            var other => throw new UsageException($"--view 应为 tree 或 leaves，而不是“{other}”。"),
        };
        var temp = target + ".partial";
        try
        {
            using (var file = File.Create(temp)) context.OneTable.ExportXlsx(new TaskFilter { Year = line.Int("year") },
                Core.Accounts.Actor.Console(), file, view);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        context.Error.WriteLine($"已导出：{target}");
        return Task.FromResult(LuoshiCli.Success);
    }
}
