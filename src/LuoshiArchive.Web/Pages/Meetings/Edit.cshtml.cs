using LuoshiArchive.Core;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Meetings;

/// <summary>Registers a meeting: kind, date, people, agenda items with their tasks, decisions.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.ManageMeetings))]
public class EditModel(MeetingRegister meetings, OrganisationDirectory directory, TimeProvider clock,
    Core.Tasks.TaskRegistry tasks) : FormPageModel
{
    public const int Rows = 4;

    [BindProperty] public MeetingKind Kind { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Session { get; set; }
    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public int? DepartmentId { get; set; }
    [BindProperty] public bool IsYearEndSummary { get; set; }
    [BindProperty] public List<Row> Agenda { get; set; } = [];
    [BindProperty] public List<Row> Decisions { get; set; } = [];
    public IReadOnlyList<Department> Departments => directory.Departments();

    /// <summary>The tasks offered as you type a code (the latest year first), and two of them as the example.</summary>
    public IReadOnlyList<Core.Tasks.KeyTask> TaskChoices =>
        _taskChoices ??= tasks.List(new Core.Tasks.TaskFilter()).Select(i => i.Task)
            .OrderByDescending(t => t.Year).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();

    private IReadOnlyList<Core.Tasks.KeyTask>? _taskChoices;

    public string TaskExample => TaskChoices.Count == 0 ? "" : string.Join("，", TaskChoices.Take(2).Select(t => t.Code));

    public sealed class Row
    {
        public string? Text { get; set; }
        public string? Tasks { get; set; }
        public int? LeadDepartmentId { get; set; }
        public DateOnly? Deadline { get; set; }
    }

    public void OnGet(string? task)
    {
        Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Agenda = [.. Enumerable.Range(0, Rows).Select(i => new Row { Tasks = i == 0 ? task : null })];
        Decisions = [.. Enumerable.Range(0, Rows).Select(_ => new Row())];
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效（请检查日期格式）。");
        var meeting = meetings.Add(new MeetingDraft
        {
            Kind = Kind, Date = Date ?? default, Title = Title ?? "", Session = Session ?? "", Chair = Chair ?? "",
            Attendees = Split(Attendees), Place = Place ?? "", DepartmentId = DepartmentId, IsYearEndSummary = IsYearEndSummary,
            Agenda = Agenda.Select(a => (a.Text ?? "", Split(a.Tasks))).ToList(),
            Decisions = Decisions.Select(d => (d.Text ?? "", Split(d.Tasks), d.LeadDepartmentId, d.Deadline)).ToList(),
        }, User.Actor());
        TempData["Message"] = "会议已登记。可以上传或填写纪要。";
        return RedirectToPage("Details", new { id = meeting.Id });
    }

    /// <summary>What was typed, with the empty rows the form offers.</summary>
    public override IActionResult Refused()
    {
        while (Agenda.Count < Rows) Agenda.Add(new Row());
        while (Decisions.Count < Rows) Decisions.Add(new Row());
        return Page();
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split([',', '，', '、', ' ', '\n', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
