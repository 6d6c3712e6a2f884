using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.PublicProgress;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi tasks unpublish CODE</c>: takes a task off the public page and feeds (its 索引号 is kept).</summary>
public sealed class TasksUnpublishCommand : ICliCommand
{
    public string[] Words => ["tasks", "unpublish"];
    public string[] ValueOptions => [];
    public string[] Flags => [];
    public string Usage => "luoshi tasks unpublish CODE   取消向社会公布";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个任务编号。");
        var code = line.Positionals[0].Trim();
        context.Get<PublicDisclosure>().Unpublish(code, Actor.Console());
        context.Error.WriteLine($"任务 {code} 已取消向社会公布。");
        return Task.FromResult(LuoshiCli.Success);
    }
}
