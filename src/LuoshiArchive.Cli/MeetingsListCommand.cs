using System.Globalization;
using System.Text.Json;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Meetings;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi meetings list [--year Y] [--json]</c>: <c>{"meetings":[{"id","kind","date","title","tasks":[codes]}]}</c>.</summary>
public sealed class MeetingsListCommand : ICliCommand
{
    public string[] Words => ["meetings", "list"];
    public string[] ValueOptions => ["year"];
    public string[] Flags => ["json"];
    public string Usage => "luoshi meetings list [--year Y] [--json]   会议台账";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var register = context.Get<MeetingRegister>();
        var meetings = register.List(line.Int("year"));
        if (line.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                meetings = meetings.Select(m => new
                {
                    id = m.Id, kind = m.Kind.ToString(), date = m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    title = m.Title, tasks = register.CodesOf(m.TaskIds),
                }),
            }, TasksListCommand.Json));
        }
        else
        {
            foreach (var m in meetings)
                context.Out.WriteLine($"{m.Id}\t{m.Date:yyyy-MM-dd}\t{ChineseLabels.Of(m.Kind)}\t{m.Title}\t{string.Join(",", register.CodesOf(m.TaskIds))}");
            context.Error.WriteLine($"共 {meetings.Count} 次会议。");
        }
        return Task.FromResult(LuoshiCli.Success);
    }
}
