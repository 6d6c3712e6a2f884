using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Reconciliation.Closed;

/// <summary>The closed reconciliations (对账记录), newest first, with how many of the reader's rows are answered.</summary>
public class IndexModel(ReconciliationRecords records) : PageModel
{
    public IReadOnlyList<(ClosedReconciliation Record, IReadOnlyList<ClosedReconciliationRow> Rows)> Closed
    {
        get;
        private set;
    } = [];

    public void OnGet()
    {
        var actor = User.Actor();
        Closed = records.List().Select(r => (r, records.RowsFor(r, actor))).ToList();
    }
}
