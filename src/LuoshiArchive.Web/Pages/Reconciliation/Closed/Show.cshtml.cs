using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.Reconciliation.Closed;

/// <summary>
/// One closed reconciliation: its frozen rows (a department user sees its own only), the answer forms for the reader's
/// department, and the 对账表 XLSX kept at closing.
/// </summary>
public class ShowModel(ReconciliationRecords records, TaskRegistry tasks) : FormPageModel
{
    public ClosedReconciliation Record { get; private set; } = null!;
    public IReadOnlyList<ClosedReconciliationRow> Rows { get; private set; } = [];
    public bool SeesAll { get; private set; }
    public DateOnly Today { get; private set; }

    public IActionResult OnGet(int id) => Load(id) ? Page() : NotFound();

    /// <summary>确认无误 (<paramref name="confirm"/>) or a 说明 for one row.</summary>
    public IActionResult OnPostAnswer(int id, int taskId, bool confirm, string? text)
    {
        if (!Load(id)) return NotFound();
        var row = records.Answer(id, taskId, confirm, text, User.Actor());
        TempData["Message"] = $"{row.TaskCode} 已{(confirm ? "确认" : "说明")}" + (row.AnsweredLate ? "（逾期答复）。" : "。");
        return RedirectToPage(new { id });
    }

    /// <summary>The XLSX as kept at closing; it lists every department, so department users are refused.</summary>
    public IActionResult OnGetXlsx(int id)
    {
        if (!Load(id)) return NotFound();
        if (!SeesAll) return Forbid();
        var name = ReconciliationRecords.FileName(Record);
        return File(records.Xlsx(Record), ContentTypes.For(name), name);
    }

    public override IActionResult Refused()
    {
        Load(Record.Id);
        return Page();
    }

    public bool MayAnswer(ClosedReconciliationRow row) =>
        row.Answer is null && ReconciliationRecords.MayAnswer(User.Actor(), row);

    private bool Load(int id)
    {
        if (records.Find(id) is not { } record) return false;
        var actor = User.Actor();
        (Record, Rows, SeesAll) = (record, records.RowsFor(record, actor), ReconciliationRecords.SeesAllRows(actor));
        Today = tasks.Today;
        return true;
    }
}
