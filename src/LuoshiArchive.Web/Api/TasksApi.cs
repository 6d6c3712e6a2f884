using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;

namespace LuoshiArchive.Web.Api;

/// <summary><c>GET /api/v1/tasks</c> (the task list as <c>luoshi tasks list --json</c>) and one task with milestones and progress.</summary>
public static class TasksApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks", List).WithName("ListTasks").WithTags("任务")
            .WithSummary("任务清单：令牌所属账户可查看的任务及信号灯（与 luoshi tasks list --json 相同）");
        api.MapGet("/tasks/{code}", One).WithName("GetTask").WithTags("任务")
            .WithSummary("一项任务：四明确、时间节点与进展").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static TaskListResponse List(HttpContext http, ReadAccess access,
        int? year = null, string? status = null, string? listKind = null)
    {
        var filter = new TaskFilter
        {
            Year = year,
            Status = ApiEnums.Parse<KeyTaskStatus>(status, "status"),
            ListKind = ApiEnums.Parse<TaskListKind>(listKind, "listKind"),
        };
        var items = access.List(filter, http.User.Actor());
        return new TaskListResponse(items.Select(TaskSummary.Of).ToList());
    }

    public static IResult One(string code, HttpContext http, TaskRegistry tasks, ReadAccess access, ProgressLog progress,
        OrganisationDirectory directory)
    {
        var task = access.Read(code, http.User.Actor());
        if (task is null) return ApiResults.NotFound($"任务“{code}”不存在。");
        var item = tasks.List(new TaskFilter { Codes = [task.Code] }).Single();
        var today = tasks.Today;
        return TypedResults.Ok(new TaskDetailsResponse(new TaskDetails(
            task.Code, task.Name, task.Year, task.ListKind.ToString(), task.Source.ToString(), NullIfEmpty(item.LeadDepartment),
            ApiDates.Format(task.Deadline), task.Status.ToString(), item.Light.ToString().ToLowerInvariant(),
            task.Target, task.Standard, task.Measures, task.ExpectedOutcomes,
            task.CooperatingDepartmentIds.Select(d => directory.DepartmentName(d)).Where(n => n.Length > 0).ToList(),
            NullIfEmpty(directory.PersonName(task.ResponsiblePersonId)), NullIfEmpty(item.SupervisingLeader),
            task.ProgressSummary, item.EvidenceCount,
            task.Milestones.OrderBy(m => m.Due).Select(m => new MilestoneDetails(
                m.Id, ApiDates.Format(m.Due)!, m.Description, m.Done, ApiDates.Format(m.DoneOn), m.IsMissed(today), m.EvidenceIds)).ToList(),
            progress.Of(task.Id).Select(p => new ProgressDetails(
                ApiDates.Format(p.Date)!, p.Text, p.Completion, p.Problems, p.NextSteps, NullIfEmpty(directory.DepartmentName(p.DepartmentId)),
                p.RecordedBy, p.EvidenceIds)).ToList())));
    }

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;
}

public sealed record TaskListResponse(IReadOnlyList<TaskSummary> Tasks);

/// <summary>One row of the task list, in the shape of <c>luoshi tasks list --json</c>.</summary>
public sealed record TaskSummary(string Code, string Name, int Year, string ListKind, string Source, string? LeadDepartment,
    string? Deadline, string Status, string Light)
{
    public static TaskSummary Of(TaskListItem i) => new(i.Task.Code, i.Task.Name, i.Task.Year, i.Task.ListKind.ToString(),
        i.Task.Source.ToString(), i.LeadDepartment.Length > 0 ? i.LeadDepartment : null, ApiDates.Format(i.Task.Deadline),
        i.Task.Status.ToString(), i.Light.ToString().ToLowerInvariant());
}

public sealed record TaskDetailsResponse(TaskDetails Task);

public sealed record TaskDetails(string Code, string Name, int Year, string ListKind, string Source, string? LeadDepartment,
    string? Deadline, string Status, string Light, string Target, string Standard, string Measures, string ExpectedOutcomes,
    IReadOnlyList<string> CooperatingDepartments, string? ResponsiblePerson, string? SupervisingLeader, string ProgressSummary,
    int EvidenceCount, IReadOnlyList<MilestoneDetails> Milestones, IReadOnlyList<ProgressDetails> Progress);

public sealed record MilestoneDetails(Guid Id, string Due, string Description, bool Done, string? DoneOn, bool Missed,
    IReadOnlyList<int> Evidence);

public sealed record ProgressDetails(string Date, string Text, int? Completion, string Problems, string NextSteps,
    string? Department, string RecordedBy, IReadOnlyList<int> Evidence);
