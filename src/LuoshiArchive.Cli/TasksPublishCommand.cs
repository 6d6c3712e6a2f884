using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.PublicProgress;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi tasks publish CODE --progress TEXT</c>: marks a task as 重大事项 for public disclosure with TEXT as its public
/// progress (公开进展), or words it again; it then appears on /public and its feeds. Internal progress is never used.
/// </summary>
public sealed class TasksPublishCommand : ICliCommand
{
    public string[] Words => ["tasks", "publish"];
    public string[] ValueOptions => ["progress"];
    public string[] Flags => [];
    public string Usage => "luoshi tasks publish CODE --progress 公开进展   向社会公布（再次执行即修改公开进展）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个任务编号。");
        var disclosure = context.Get<PublicDisclosure>();
        var code = line.Positionals[0].Trim();
        var wasPublic = context.Tasks.Find(code) is { } task && disclosure.Of(task.Id) is { IsPublic: true };
        var record = disclosure.Publish(code, line.Required("progress"), Actor.Console());
        context.Error.WriteLine(wasPublic
            ? $"已修改任务 {code} 的公开进展（{record.WordedOn:yyyy-MM-dd}）。"
            : $"任务 {code} 已向社会公布（{record.WordedOn:yyyy-MM-dd}），公开页面：/public?year={record.IndexYear}。");
        return Task.FromResult(LuoshiCli.Success);
    }
}
