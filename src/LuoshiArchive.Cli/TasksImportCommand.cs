using LuoshiArchive.Core.Accounts;
namespace LuoshiArchive.Cli;

/// <summary><c>luoshi tasks import FILE.xlsx</c>: all rows or none; every problem printed with its row number.</summary>
public sealed class TasksImportCommand : ICliCommand
{
    public string[] Words => ["tasks", "import"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi tasks import FILE.xlsx              从 XLSX 导入任务（有任何错误则不导入）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个要导入的 XLSX 文件。");
        var path = line.Positionals[0];
        if (!File.Exists(path)) throw new Core.DomainRuleException($"找不到文件“{path}”。");
        using var file = File.OpenRead(path);
        var result = context.OneTable.ImportXlsx(file, Actor.Console("命令行导入"));
        if (!result.Succeeded)
        {
            context.Error.WriteLine($"未导入任何任务，“{path}”有 {result.Problems.Count} 个问题：");
            foreach (var problem in result.Problems) context.Error.WriteLine("  " + problem);
            return Task.FromResult(LuoshiCli.Failure);
        }
        context.Error.WriteLine($"已导入 {result.ImportedCodes.Count} 项任务：{string.Join("、", result.ImportedCodes)}");
        if (result.CreatedDepartments.Count > 0) context.Error.WriteLine($"新建处室：{string.Join("、", result.CreatedDepartments)}");
        if (result.CreatedPeople.Count > 0) context.Error.WriteLine($"新建人员：{string.Join("、", result.CreatedPeople)}");
        return Task.FromResult(LuoshiCli.Success);
    }
}
