using LuoshiArchive.Core.Accounts;
using System.Globalization;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Meetings;

namespace LuoshiArchive.Cli;

/// <summary><c>luoshi meetings add --kind K --date YYYY-MM-DD --title T [--task CODE…]</c>: prints the new meeting's id.</summary>
public sealed class MeetingsAddCommand : ICliCommand
{
    public string[] Words => ["meetings", "add"];
    public string[] ValueOptions => ["kind", "date", "title", "task", "chair", "place", "session", "department", "attendee"];
    public string[] Flags => ["year-end"];
    public string Usage => "luoshi meetings add --kind K --date YYYY-MM-DD --title T [--task CODE…] [--department 处室] [--chair 姓名] [--place 地点] [--session 第N次] [--attendee 姓名…] [--year-end]";

    public Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var kindText = line.Required("kind");
        var kind = ChineseLabels.Parse<MeetingKind>(kindText)
                   ?? throw new UsageException($"未知会议类别“{kindText}”，应为：{string.Join("|", Enum.GetNames<MeetingKind>())}。");
        var dateText = line.Required("date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"--date 应写成 YYYY-MM-DD，而不是“{dateText}”。");
        var title = line.Required("title");
        int? department = line.Value("department") is { } name
            ? context.Directory.DepartmentNamed(name)?.Id ?? throw new DomainRuleException($"处室“{name}”不存在。")
            : null;
        var tasks = line.Values("task").ToList();
        var meeting = context.Get<MeetingRegister>().Add(new MeetingDraft
        {
            Kind = kind, Date = date, Title = title, Chair = line.Value("chair") ?? "", Place = line.Value("place") ?? "",
            Session = line.Value("session") ?? "", Attendees = line.Values("attendee").ToList(), DepartmentId = department,
            IsYearEndSummary = line.Has("year-end"),
            Agenda = tasks.Count > 0 ? [(title, tasks)] : [],
        }, Actor.Console());
        context.Out.WriteLine(meeting.Id);
        context.Error.WriteLine($"已登记会议 {meeting.Id}：{meeting.Date:yyyy-MM-dd} {meeting.Title}");
        return Task.FromResult(LuoshiCli.Success);
    }
}
