using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Reports;

/// <summary>
/// The quarterly leader report (分管委领导 → 主要负责同志): compiled from the quarter's progress, problems, next steps and
/// the departments' self-checks; edited and saved by the leader or the office; exported as DOCX.
/// </summary>
public class LeaderModel(LeaderReportService reports, OrganisationDirectory directory, TaskRegistry tasks) : PageModel
{
    public IReadOnlyList<Person> Leaders => directory.Leaders();
    public LeaderReport? Report { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public int? LeaderId { get; private set; }
    public bool Fresh { get; private set; }
    public List<string> Errors { get; } = [];

    /// <summary>The office writes any report; a leader only their own (<see cref="LeaderArea"/>).</summary>
    public bool MayWrite => LeaderId is { } id && User.May(Core.Accounts.Permission.WriteLeaderReport)
        && (User.Actor().Role != Core.Accounts.UserRole.Leader || LeaderArea.IsLeader(User.Actor(), id));

    public IActionResult OnGet(int? leader, int? year, int? quarter, bool fresh = false)
    {
        if (!Select(leader, year, quarter)) return NotFound();
        if (LeaderId is { } own) reports.DemandOwnReport(User.Actor(), own, Year, Quarter);
        Fresh = fresh;
        if (LeaderId is { } id) Report = fresh ? reports.Compile(id, Year, Quarter) : reports.Current(id, Year, Quarter);
        return Page();
    }

    public IActionResult OnPost(int? leader, int? year, int? quarter, string? title, string? progress, string? problems, string? proposals)
    {
        if (!Select(leader, year, quarter) || LeaderId is not { } id) return NotFound();
        try
        {
            reports.Save(id, Year, Quarter, title, progress, problems, proposals, User.Actor());
            TempData["Message"] = "季度报告已保存。";
            return RedirectToPage(new { leader = id, year = Year, quarter = Quarter });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            Report = reports.Current(id, Year, Quarter);
            (Report.Title, Report.Progress, Report.Problems, Report.Proposals) = (title ?? "", progress ?? "", problems ?? "", proposals ?? "");
            return Page();
        }
    }

    public IActionResult OnGetDocx(int? leader, int? year, int? quarter)
    {
        if (!Select(leader, year, quarter) || LeaderId is not { } id) return NotFound();
        reports.DemandOwnReport(User.Actor(), id, Year, Quarter);
        var report = reports.Current(id, Year, Quarter);
        var output = new MemoryStream();
        reports.WriteDocx(report, output);
        output.Position = 0;
        var name = reports.FileName(report);
        return File(output, ContentTypes.For(name), name);
    }

    private bool Select(int? leader, int? year, int? quarter)
    {
        var today = tasks.Today;
        // By default the quarter just ended.
        var last = today.AddMonths(-3);
        Year = year ?? last.Year;
        Quarter = quarter ?? ReportingPeriod.QuarterOf(last.Month);
        if (Year is < 2000 or > 2100 || Quarter is < 1 or > 4) return false;
        // A leader account opens its own report.
        LeaderId = leader ?? LeaderArea.LeaderOf(User.Actor()) ?? (Leaders.Count == 1 ? Leaders[0].Id : null);
        return LeaderId is null || directory.Person(LeaderId) is not null;
    }
}
