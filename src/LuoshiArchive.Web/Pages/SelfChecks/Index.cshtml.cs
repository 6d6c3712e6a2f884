using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.SelfChecks;

/// <summary>The month's self-checks (月度自查自评表): each department with tasks, whether its form is missing, a draft or submitted.</summary>
public class IndexModel(SelfCheckService selfChecks, TaskRegistry tasks) : PageModel
{
    public int Year { get; private set; }
    public int Month { get; private set; }
    public IReadOnlyList<(Department Department, int Tasks, SelfCheck? Form)> Overview { get; private set; } = [];

    public void OnGet(int? year, int? month)
    {
        // By default the month just ended: forms are filled at the turn of the month.
        var last = tasks.Today.AddMonths(-1);
        (Year, Month) = year is >= 2000 and <= 2100 && month is >= 1 and <= 12 ? (year.Value, month.Value) : (last.Year, last.Month);
        Overview = selfChecks.Overview(Year, Month, User.Actor());
    }

    public string MonthLink(int offset)
    {
        var day = new DateOnly(Year, Month, 1).AddMonths(offset);
        return $"/SelfChecks?year={day.Year}&month={day.Month}";
    }
}
