using System.Text.Json;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Assessment;

namespace LuoshiArchive.Cli;

/// <summary>
/// <c>luoshi assess --year Y [--json]</c>: every department's score and rank for the year (closed results as kept, an
/// open year computed now with the latest scheme). The JSON shape is a contract:
/// <c>{"departments":[{"name","score","rank"}],"tasks":[…]}</c>; departments also carry taskCount, and each task code,
/// name, department, leader, weight, timeliness, result, adjustments, score, rating, failing and accountability.
/// </summary>
public sealed class AssessCommand : ICliCommand
{
    public string[] Words => ["assess"];
    public string[] ValueOptions => ["year"];
    public string[] Flags => ["json"];
    public string Usage => "luoshi assess --year Y [--json]  考核：各处室得分和名次（逐项考核结果）";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0) throw new UsageException($"多余的参数“{line.Positionals[0]}”。");
        var year = line.Int("year") ?? throw new UsageException("请用 --year 指定年度。");
        var result = context.Get<AssessmentService>().Result(year);
        if (line.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                departments = result.Departments.Select(d => new { name = d.Name, score = d.Score, rank = d.Rank, taskCount = d.TaskCount }),
                tasks = result.Tasks.Select(t => new
                {
                    code = t.Code, name = t.Name, department = t.Department, leader = t.Leader, weight = t.Weight,
                    timeliness = t.TimelinessPoints, result = t.ResultPoints, adjustments = t.AdjustmentPoints, score = t.Score,
                    rating = t.Rating?.ToString(), failing = t.Failing, accountability = t.Accountability,
                }),
            }, TasksListCommand.Json));
        }
        else
        {
            foreach (var d in result.Departments)
                context.Out.WriteLine(string.Join('\t', d.Rank, d.Name, TaskScoring.Points(d.Score)));
            context.Error.WriteLine($"{result.PeriodLabel()}考核（{(result.Closed ? "已确定" : "未确定，按最新评分办法计算")}，"
                + $"评分办法{AssessmentReport.SchemeLabel(result.Scheme)}）：{result.Tasks.Count} 项任务，{result.Departments.Count} 个处室。");
        }
        return Task.FromResult(LuoshiCli.Success);
    }
}
