using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Reconciliation;

/// <summary>Reconciliation (对账), monthly or quarterly: every task against its progress and evidence, with the flags.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.Supervise))]
public class IndexModel(ReconciliationService reconciliation, ReconciliationRecords records,
    OrganisationDirectory directory, TaskRegistry tasks) : FormPageModel
{
    /// <summary>The period's closed record, if the office has closed it.</summary>
    public ClosedReconciliation? Closed { get; private set; }
    public DateOnly DefaultAnswerDue => tasks.Today.AddDays(7);

    public ReconciliationReport Report { get; private set; } = null!;
    public IReadOnlyList<ReconciliationRow> Rows { get; private set; } = [];
    public ReconciliationFlagKind? Flag { get; private set; }
    public int? DepartmentId { get; private set; }
    public IReadOnlyList<Department> Departments => directory.Departments();

    public IActionResult OnGet(int? year, int? month, int? quarter, int? department, ReconciliationFlagKind? flag)
    {
        if (Select(year, month, quarter) is not { } period) return BadRequest();
        Show(period, department, flag);
        return Page();
    }

    /// <summary>结账: freezes the period's reconciliation as a record, open for the departments' answers.</summary>
    public IActionResult OnPostClose(int? year, int? month, int? quarter, DateOnly? answerDue)
    {
        if (Select(year, month, quarter) is not { } period) return BadRequest();
        Show(period, null, null);
        if (answerDue is not { } due) throw new DomainRuleException("请填写答复期限。");
        var closed = records.Close(period, due, User.Actor());
        TempData["Message"] = $"{period.Label}的对账已关闭，各牵头处室请在 {due:yyyy-MM-dd} 前答复。";
        return Redirect($"/Reconciliation/Closed/{closed.Id}");
    }

    private void Show(ReportingPeriod period, int? department, ReconciliationFlagKind? flag)
    {
        (Flag, DepartmentId) = (flag, department);
        Report = reconciliation.For(period, department);
        Rows = flag is { } f ? Report.Rows.Where(r => r.Has(f)).ToList() : Report.Rows;
        var key = period.ToString();
        Closed = records.List().FirstOrDefault(r => r.Key == key);
    }

    public IActionResult OnGetXlsx(int? year, int? month, int? quarter, int? department)
    {
        if (Select(year, month, quarter) is not { } period) return BadRequest();
        var output = new MemoryStream();
        reconciliation.WriteXlsx(reconciliation.For(period, department), output);
        output.Position = 0;
        var name = $"{period.Label}对账表.xlsx";
        return File(output, ContentTypes.For(name), name);
    }

    /// <summary>The query string of this period with one more parameter, for the page's links.</summary>
    public string Link(string? extra = null)
    {
        var p = Report.Period;
        var query = $"year={p.Year}" + (p.IsQuarter ? $"&quarter={p.Quarter}" : $"&month={p.Month}")
                    + (DepartmentId is { } d ? $"&department={d}" : "") + (extra is null ? "" : "&" + extra);
        return "/Reconciliation?" + query;
    }

    private ReportingPeriod? Select(int? year, int? month, int? quarter)
    {
        var today = tasks.Today;
        try
        {
            if (quarter is { } q) return ReportingPeriod.OfQuarter(year ?? today.Year, q);
            if (month is { } m) return ReportingPeriod.OfMonth(year ?? today.Year, m);
            // By default the month just ended: reconciliation is done at the turn of the month.
            var last = today.AddMonths(-1);
            return ReportingPeriod.OfMonth(last.Year, last.Month);
        }
        catch (DomainRuleException)
        {
            return null;
        }
    }
}
