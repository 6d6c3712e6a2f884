using System.Text.Json;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi supervision due [--days N] [--json]</c>: milestones, deadlines and supervision orders coming due within N
/// days (default 7) or overdue, for a daily mail or cron job. The JSON shape is a contract:
/// <c>{"items":[{"task","what","due","state"}]}</c> with state coming|overdue; each item also carries kind
/// (milestone|deadline|order), days (left; negative when overdue), department and taskName.
/// </summary>
public sealed class SupervisionDueCommand : ICliCommand
{
    public string[] Words => ["supervision", "due"];
    public string[] ValueOptions => ["days"];
    public string[] Flags => ["json"];
    public string Usage => "luoshi supervision due [--days N] [--json]  催办：N天内到期（默认7天）或已逾期的节点、时限和督办单";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var days = line.Int("days") ?? Reminders.DefaultDays;
        if (days < 0) throw new UsageException("--days 不能为负数。");
        var items = context.Get<Reminders>().Due(days);
        if (line.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                items = items.Select(r => new
                {
                    task = r.TaskCode, what = r.What, due = r.Due.ToString("yyyy-MM-dd"), state = r.State,
                    kind = r.Kind.ToString().ToLowerInvariant(), days = r.DaysLeft, department = r.Department, taskName = r.TaskName,
                }),
            }, TasksListCommand.Json));
        }
        else
        {
            foreach (var r in items)
                context.Out.WriteLine(string.Join('\t', r.TaskCode, r.Due.ToString("yyyy-MM-dd"), r.Urgency, ChineseLabels.Of(r.Kind), r.What, r.Department));
            context.Error.WriteLine($"{days}天内到期或已逾期：共 {items.Count} 项，其中逾期 {items.Count(r => r.IsOverdue)} 项。");
        }
        return Task.FromResult(LuoshiCli.Success);
    }
}
