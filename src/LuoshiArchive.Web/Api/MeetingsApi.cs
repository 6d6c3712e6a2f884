using LuoshiArchive.Core;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Text;
using LuoshiArchive.Web.Infrastructure;

namespace LuoshiArchive.Web.Api;

/// <summary>The meeting register (as <c>luoshi meetings list --json</c>), registering a meeting, and filing its minutes.</summary>
public static class MeetingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/meetings", List).WithName("ListMeetings").WithTags("会议")
            .WithSummary("会议台账（与 luoshi meetings list --json 相同）");
        api.MapPost("/meetings", Add).WithName("AddMeeting").WithTags("会议")
            .WithSummary("登记会议（kind、date、title 必填；tasks 为议程涉及的任务编号）").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/meetings/{id:int}/minutes", AttachMinutesAsync).WithName("AttachMinutes").WithTags("会议")
            .WithSummary("纪要归档：一个文件归入会议涉及的每项任务的档案（multipart/form-data：file，可选多个 task）")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    public static MeetingListResponse List(HttpContext http, MeetingRegister meetings, int? year = null) =>
        new(meetings.List(year, http.User.Actor()).Select(m => new MeetingSummary(m.Id, m.Kind.ToString(), ApiDates.Format(m.Date)!, m.Title,
            meetings.CodesOf(m.TaskIds))).ToList());

    public static IResult Add(NewMeeting body, HttpContext http, MeetingRegister meetings, OrganisationDirectory directory)
    {
        var kind = ChineseLabels.Parse<MeetingKind>(body.Kind ?? "")
                   ?? throw new DomainRuleException($"未知会议类别“{body.Kind}”，应为：{string.Join("、", Enum.GetNames<MeetingKind>())}。");
        var date = ApiDates.Parse(body.Date, "date") ?? throw new DomainRuleException("缺少会议日期 date（2018-06-30）。");
        int? department = string.IsNullOrWhiteSpace(body.Department) ? null
            : directory.DepartmentNamed(body.Department)?.Id ?? throw new DomainRuleException($"处室“{body.Department}”不存在。");
        var tasks = body.Tasks?.ToList() ?? [];
        var title = body.Title?.Trim() ?? "";
        var meeting = meetings.Add(new MeetingDraft
        {
            Kind = kind, Date = date, Title = title, Chair = body.Chair ?? "", Place = body.Place ?? "", Session = body.Session ?? "",
            Attendees = body.Attendees?.ToList() ?? [], DepartmentId = department, IsYearEndSummary = body.YearEnd,
            Agenda = tasks.Count > 0 ? [(title, tasks)] : [],
        }, http.User.Actor());
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", new MeetingCreated(meeting.Id));
    }

    // The task codes are read from the form by hand: binding string[] from a form fails in .NET 10's RequestDelegateFactory.
    public static async Task<IResult> AttachMinutesAsync(int id, IFormFile? file, HttpContext http, MeetingRegister meetings,
        CancellationToken cancellationToken)
    {
        var tasks = http.Request.Form["task"].OfType<string>().Where(t => t.Trim().Length > 0).ToList();
        if (meetings.Find(id) is null) return ApiResults.NotFound($"会议 {id} 不存在。");
        if (file is null) throw new DomainRuleException("请选择纪要文件（表单字段 file）。");
        Core.Dossiers.Evidence evidence;
        try
        {
            await using var stream = file.OpenReadStream();
            evidence = await meetings.AttachMinutesAsync(id, stream, file.FileName, tasks, http.User.Actor(), cancellationToken);
        }
        catch (Exception e) when (e is DomainRuleException or ExtractionException)
        {
            throw new DomainRuleException($"“{file.FileName}”：未保存。{e.Message}");
        }
        return TypedResults.Created($"/api/v1/evidence/{evidence.Id}", new EvidenceResponse(EvidenceMetadata.Of(evidence, meetings.CodesOf)));
    }
}

/// <summary>The shape of <c>luoshi meetings list --json</c>.</summary>
public sealed record MeetingListResponse(IReadOnlyList<MeetingSummary> Meetings);

public sealed record MeetingSummary(int Id, string Kind, string Date, string Title, IReadOnlyList<string> Tasks);

/// <summary>A meeting to register; the fields of <c>luoshi meetings add</c>.</summary>
public sealed record NewMeeting(string? Kind, string? Date, string? Title, IReadOnlyList<string>? Tasks, string? Department,
    string? Chair, string? Place, string? Session, IReadOnlyList<string>? Attendees, bool YearEnd = false);

public sealed record MeetingCreated(int Id);
