using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Demo;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi init [--demo]</c>: creates the store; with --demo, loads the demo commission into an empty one.</summary>
public sealed class InitCommand : ICliCommand
{
    public string[] Words => ["init"];
    public string[] ValueOptions => [];
    public string[] Flags => ["demo", "tasks-only"];
    public string Usage => "luoshi init [--demo [--tasks-only]]       创建数据目录；--demo 载入演示数据（约30项任务及其档案、进展、" +
        "会议纪要、自查自评表、季度报告和公文）；--tasks-only 只载入处室、人员和任务";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        _ = context.Store;
        context.Error.WriteLine($"数据目录：{context.StoragePath}");
        if (line.Has("demo"))
        {
            var loaded = DemoCommission.Load(context.Directory, context.Tasks, context.Tasks.Today, Actor.Console("演示数据"));
            context.Error.WriteLine($"已载入演示数据：{loaded.Departments} 个处室，{loaded.People} 名人员，{loaded.Tasks} 项任务（{context.Tasks.Today.Year}年）。");
            if (line.Has("tasks-only")) return Next(context);
            context.Error.WriteLine("正在生成演示记录（公文、纪要、进展、自查自评表、季度报告）……");
            var records = await context.Get<DemoRecords>().FillAsync();
            context.Error.WriteLine($"已生成：{records.Evidence} 件佐证材料，{records.Progress} 条进展，{records.Meetings} 次会议及纪要，" +
                $"{records.SelfChecks} 份自查自评表，{records.LeaderReports} 份季度报告，{records.Documents} 份印发的公文（含督办单），" +
                $"{records.Reconciliations} 份关闭的对账，{records.PublicTasks} 项向社会公布的任务。");
        }
        return Next(context);
    }

    private static int Next(CliContext context)
    {
        if (!context.Accounts.AnyAccount())
        {
            context.Error.WriteLine("下一步：创建管理员账户（从标准输入读取密码）：");
            context.Error.WriteLine($"  luoshi users add --name office --role admin --storage \"{context.StoragePath}\"");
            context.Error.WriteLine("然后启动网页端：dotnet run --project src/LuoshiArchive.Web，打开 http://localhost:5000");
        }
        return LuoshiCli.Success;
    }
}
