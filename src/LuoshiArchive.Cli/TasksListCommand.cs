using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi tasks list [--year Y] [--json]</c>. The JSON shape is a contract for users' scripts:
/// <c>{"tasks":[{"code","name","year","listKind","source","leadDepartment","deadline","status","light"}]}</c>.
/// </summary>
public sealed class TasksListCommand : ICliCommand
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public string[] Words => ["tasks", "list"];
    public string[] ValueOptions => ["year"];
    public string[] Flags => ["json"];
    public string Usage => "luoshi tasks list [--year Y] [--json]      列出任务及其信号灯";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var items = context.Tasks.List(new TaskFilter { Year = line.Int("year") });
        if (line.Has("json"))
        {
            var document = new
            {
                tasks = items.Select(i => new
                {
                    code = i.Task.Code, name = i.Task.Name, year = i.Task.Year, listKind = i.Task.ListKind.ToString(),
                    source = i.Task.Source.ToString(), leadDepartment = i.LeadDepartment.Length > 0 ? i.LeadDepartment : null,
                    deadline = i.Task.Deadline?.ToString("yyyy-MM-dd"), status = i.Task.Status.ToString(),
                    light = i.Light.ToString().ToLowerInvariant(),
                }),
            };
            context.Out.WriteLine(JsonSerializer.Serialize(document, Json));
        }
        else
        {
            foreach (var i in items)
            {
                context.Out.WriteLine(string.Join('\t', i.Task.Code, ChineseLabels.Of(i.Light), i.Task.Name, i.LeadDepartment,
                    i.Task.Deadline?.ToString("yyyy-MM-dd") ?? "-", ChineseLabels.Of(i.Task.Status)));
            }
            context.Error.WriteLine($"共 {items.Count} 项任务。");
        }
        return Task.FromResult(LuoshiCli.Success);
    }
}
