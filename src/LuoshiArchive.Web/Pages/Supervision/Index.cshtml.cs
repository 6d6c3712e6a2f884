using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Supervision;

/// <summary>Supervision (督查督办): orders by state (open, answered, overdue), the issue form for the office, reminders.</summary>
public class IndexModel(SupervisionService supervision, Reminders reminders, OrganisationDirectory directory, TaskRegistry tasks) : FormPageModel
{
    public IReadOnlyList<SupervisionOrder> Orders { get; private set; } = [];
    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];
    public IReadOnlyList<Department> Departments => directory.Departments();
    public SupervisionOrderState? State { get; private set; }
    public int? Year { get; private set; }
    public int? DepartmentId { get; private set; }
    public DateOnly Today => supervision.Today;
    [BindProperty] public IssueInput Issue { get; set; } = new();

    public sealed class IssueInput
    {
        public string? TaskCode { get; set; }
        public int? DepartmentId { get; set; }
        public string? What { get; set; }
        public DateOnly? Due { get; set; }
        public string? HowToReply { get; set; }
        public string? SourceDocument { get; set; }
    }

    public void OnGet(SupervisionOrderState? state, int? year, int? department, string? task)
    {
        Load(state, year, department);
        Issue = new IssueInput { TaskCode = task, Due = Today.AddDays(7), HowToReply = SupervisionService.DefaultHowToReply };
    }

    public IActionResult OnPostIssue()
    {
        if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效（请检查日期格式）。");
        var order = supervision.Issue(new SupervisionOrderDraft
        {
            TaskCode = Issue.TaskCode?.Trim() ?? "", DepartmentId = Issue.DepartmentId, What = Issue.What ?? "",
            Due = Issue.Due ?? default, HowToReply = Issue.HowToReply ?? "", SourceDocument = Issue.SourceDocument,
        }, User.Actor());
        TempData["Message"] = $"督办单 {order.Number} 已下达{supervision.DepartmentName(order.DepartmentId)}。";
        return RedirectToPage("Details", new { id = order.Id });
    }

    public override IActionResult Refused()
    {
        Load(null, null, null);
        return Page();
    }

    public string TaskName(int taskId) => tasks.Find(Orders.First(o => o.TaskId == taskId).TaskCode)?.Name ?? "";

    private void Load(SupervisionOrderState? state, int? year, int? department)
    {
        (State, Year, DepartmentId) = (state, year, department);
        Orders = supervision.List(year, state, department, User.Actor());
        Reminders = reminders.Due(Core.Supervision.Reminders.DefaultDays, User.Actor());
    }
}
