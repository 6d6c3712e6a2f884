using System.Text.Json;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi incoming list [--year Y] [--json]</c>: <c>{"items":[{"id","kind","from","number","title","received",
/// "deadline","state","tasks":[codes]}]}</c> (state registered|proposed|instructed|assigned|done|overdue).
/// </summary>
public sealed class IncomingListCommand : ICliCommand
{
    public string[] Words => ["incoming", "list"];
    public string[] ValueOptions => ["year"];
    public string[] Flags => ["json"];
    public string Usage => "luoshi incoming list [--year Y] [--json]   来文来件登记";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var register = context.Get<IncomingRegister>();
        var items = register.List(line.Int("year"), Actor.Console());
        var today = register.Today;
        if (line.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                items = items.Select(i => new
                {
                    id = i.Id, kind = i.Kind.ToString().ToLowerInvariant(), from = i.From, number = i.Number, title = i.Title,
                    received = i.Received.ToString("yyyy-MM-dd"), deadline = i.Deadline?.ToString("yyyy-MM-dd"),
                    state = i.StateOn(today).ToString().ToLowerInvariant(), tasks = register.CodesOf(i),
                }),
            }, TasksListCommand.Json));
            return Task.FromResult(LuoshiCli.Success);
        }
        foreach (var i in items)
            context.Out.WriteLine(string.Join('\t', i.Id, ChineseLabels.Of(i.Kind), i.From, i.Number, i.Title,
                i.Received.ToString("yyyy-MM-dd"), i.Deadline?.ToString("yyyy-MM-dd") ?? "", ChineseLabels.Of(i.StateOn(today)),
                string.Join(",", register.CodesOf(i))));
        context.Error.WriteLine($"共 {items.Count} 件来文。");
        return Task.FromResult(LuoshiCli.Success);
    }
}
