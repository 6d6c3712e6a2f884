using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi tasks progress CODE --text TEXT [--date YYYY-MM-DD] [--as USER]</c>: records a progress report (进展) on a
/// task as the web page and the API do, under the same rules; <c>--as</c> records it as that account (e.g. a
/// department user, who may report only on tasks of their department), else as the console.
/// </summary>
public sealed class TasksProgressCommand : ICliCommand
{
    public string[] Words => ["tasks", "progress"];
    public string[] ValueOptions => ["text", "date", "as"];
    public string[] Flags => [];
    public string Usage => "luoshi tasks progress CODE --text 进展情况 [--date YYYY-MM-DD] [--as 账号]   报送进展";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1) throw new UsageException("请给出一个任务编号。");
        var text = line.Required("text");
        var actor = line.Value("as") is { } name
            ? context.Accounts.Find(name) is { Disabled: false } account ? Actor.For(account)
                : throw new DomainRuleException($"账号“{name}”不存在或已停用。")
            : Actor.Console();
        var date = IncomingDates.Optional(line, "date")
                   ?? DateOnly.FromDateTime(context.Get<TimeProvider>().GetLocalNow().DateTime);
        var entry = await context.Get<ProgressLog>().AddAsync(line.Positionals[0], new ProgressDraft { Date = date, Text = text },
            [], actor);
        context.Error.WriteLine($"已报送任务 {entry.TaskCode} 的进展（{entry.Date:yyyy-MM-dd}，{entry.RecordedBy}）。");
        return LuoshiCli.Success;
    }
}
