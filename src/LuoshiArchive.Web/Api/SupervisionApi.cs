using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Web.Infrastructure;

namespace LuoshiArchive.Web.Api;

/// <summary><c>GET /api/v1/supervision/due</c>: 催办 as <c>luoshi supervision due --json</c>; a department user gets their department's.</summary>
public static class SupervisionApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/supervision/due", Due).WithName("SupervisionDue").WithTags("督查督办")
            .WithSummary("催办：days 天内（默认7天）到期或已逾期的时间节点、完成时限和督办单")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    public static DueResponse Due(HttpContext http, Reminders reminders, int days = Reminders.DefaultDays) =>
        new(reminders.Due(days, http.User.Actor()).Select(r => new DueItem(r.TaskCode, r.What, ApiDates.Format(r.Due)!, r.State,
            r.Kind.ToString().ToLowerInvariant(), r.DaysLeft, r.Department, r.TaskName)).ToList());
}

/// <summary>The shape of <c>luoshi supervision due --json</c>.</summary>
public sealed record DueResponse(IReadOnlyList<DueItem> Items);

public sealed record DueItem(string Task, string What, string Due, string State, string Kind, int Days, string Department, string TaskName);
