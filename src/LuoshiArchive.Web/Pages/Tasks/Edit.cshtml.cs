using LuoshiArchive.Core;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>Create a task (any day of the year) or edit one; a target or schedule already set changes only by adjustment.</summary>
public class EditModel(TaskRegistry tasks, OrganisationDirectory directory) : FormPageModel
{
    [BindProperty] public TaskForm Form { get; set; } = new();
    public KeyTask? Existing { get; private set; }
    /// <summary>The task a child is being added under (添加子任务, <c>?parent=CODE</c>); fixed for the form.</summary>
    public KeyTask? Parent { get; private set; }
    public IReadOnlyList<Department> Departments => directory.Departments();
    public IReadOnlyList<Person> People => directory.People();
    public IReadOnlyList<Person> Leaders => directory.Leaders();

    public IActionResult OnGet(string? code, string? parent)
    {
        if (code is null && parent is not null)
        {
            if ((Parent = tasks.Find(parent)) is null) return NotFound();
            if (!TaskRegistry.MayAddChild(User.Actor(), Parent)) return Forbid();
            Form = TaskForm.From(new TaskDraft
            {
                Year = Parent.Year, AddedOn = tasks.Today, ListKind = TaskListKind.Department, Source = Parent.Source,
                SourceDetail = Parent.SourceDetail, LeadDepartmentId = User.Actor().DepartmentId ?? Parent.LeadDepartmentId,
                SupervisingLeaderId = Parent.SupervisingLeaderId, Deadline = Parent.Deadline,
            });
            return Page();
        }
        if (code is null)
        {
            if (!User.May(Core.Accounts.Permission.CreateTasks)) return Forbid();
            Form = TaskForm.From(new TaskDraft { Year = tasks.Today.Year, AddedOn = tasks.Today });
            return Page();
        }
        Existing = tasks.Find(code);
        if (Existing is null) return NotFound();
        if (!User.May(Core.Accounts.Permission.EditTask, Existing)) return Forbid();
        Form = TaskForm.From(TaskDraft.From(Existing));
        return Page();
    }

    public IActionResult OnPost(string? code, string? parent)
    {
        if (code is not null && (Existing = tasks.Find(code)) is null) return NotFound();
        if (code is null && parent is not null && (Parent = tasks.Find(parent)) is null) return NotFound();
        if (!ModelState.IsValid)
        {
            Errors.AddRange(ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => $"“{TaskForm.LabelOf(e.Key)}”的值无效"));
            return Page();
        }
        var saved = Parent is not null ? tasks.AddChild(Parent.Code, Form.ToDraft(), User.Actor())
            : Existing is null ? tasks.Create(Form.ToDraft(), User.Actor())
            : tasks.Update(Existing.Code, Form.ToDraft(), User.Actor());
        TempData["Message"] = Parent is not null ? $"子任务 {saved.Code} 已添加到 {Parent.Code} 下。"
            : Existing is null ? $"任务 {saved.Code} 已创建。" : "修改已保存。";
        return RedirectToPage("Details", new { code = saved.Code });
    }

    /// <summary>The milestones typed, in the rows the form shows (empty ones dropped, spare ones added).</summary>
    public override IActionResult Refused()
    {
        Form.Milestones = MilestoneInput.FromMilestones(MilestoneInput.ToMilestones(Form.Milestones));
        return Page();
    }

    /// <summary>True when a plan field already has a value that only an adjustment may change.</summary>
    public bool PlanLocked(string field) => Existing is not null && field switch
    {
        nameof(KeyTask.Target) => Existing.Target.Length > 0,
        nameof(KeyTask.Deadline) => Existing.Deadline is not null,
        nameof(KeyTask.Milestones) => Existing.Milestones.Count > 0,
        _ => false,
    };
}
