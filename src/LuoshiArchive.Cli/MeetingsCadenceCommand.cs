using System.Text.Json;
using LuoshiArchive.Core.Meetings;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi meetings cadence --year Y [--json]</c>: which meetings of the notice's rhythm are missing.</summary>
public sealed class MeetingsCadenceCommand : ICliCommand
{
    public string[] Words => ["meetings", "cadence"];
    public string[] ValueOptions => ["year"];
    public string[] Flags => ["json"];
    public string Usage => "luoshi meetings cadence --year Y [--json]  会议节奏检查";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var year = line.Int("year") ?? throw new UsageException("缺少必需的选项 --year。");
        var r = context.Get<CadenceCheck>().For(year);
        if (line.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                year = r.Year, annualDeployment = r.AnnualDeploymentHeld, yearEndSummary = r.YearEndSummaryHeld,
                monthsWithoutPushMeeting = r.MonthsWithoutPushMeeting, quartersWithoutDispatchMeeting = r.QuartersWithoutDispatchMeeting,
                departmentsMissingWeeklyMeetings = r.DepartmentsMissingWeeklyMeetings.Select(d => new
                    { department = d.Department, weeksElapsed = d.WeeksElapsed, weeksRecorded = d.WeeksRecorded, missingWeeks = d.MissingWeeks }),
            }, TasksListCommand.Json));
            return Task.FromResult(LuoshiCli.Success);
        }
        context.Out.WriteLine($"{year}年会议节奏：");
        context.Out.WriteLine($"  年初部署会：{(r.AnnualDeploymentHeld ? "已召开" : r.AnnualDeploymentDue ? "未召开" : "启用本系统前，不计")}");
        context.Out.WriteLine($"  年终总结：{(r.YearEndSummaryHeld ? "已召开" : r.YearEndSummaryDue ? "未召开" : "未到时间")}");
        context.Out.WriteLine($"  缺少推动会的月份：{(r.MonthsWithoutPushMeeting.Count == 0 ? "无" : string.Join("、", r.MonthsWithoutPushMeeting.Select(m => m + "月")))}");
        context.Out.WriteLine($"  缺少调度会的季度：{(r.QuartersWithoutDispatchMeeting.Count == 0 ? "无" : string.Join("、", r.QuartersWithoutDispatchMeeting.Select(q => "第" + q + "季度")))}");
        foreach (var d in r.DepartmentsMissingWeeklyMeetings)
            context.Out.WriteLine($"  {d.Department}：每周例会记录 {d.WeeksRecorded}/{d.WeeksElapsed} 周");
        return Task.FromResult(LuoshiCli.Success);
    }
}
