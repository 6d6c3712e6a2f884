using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Meetings;

/// <summary>The meeting register for a year: list, calendar, and the cadence check.</summary>
public class IndexModel(MeetingRegister meetings, CadenceCheck cadence, TaskRegistry tasks) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public CadenceReport Cadence { get; private set; } = null!;
    public MeetingRegister Register => meetings;

    public void OnGet(int? year)
    {
        Year = year ?? tasks.Today.Year;
        Meetings = meetings.List(Year, User.Actor());
        Cadence = cadence.For(Year);
    }
}
