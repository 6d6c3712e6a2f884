using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Text;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>One task: its four lists, milestones, four clarities and the history of every change.</summary>
public class DetailsModel(TaskRegistry tasks, OrganisationDirectory directory, DossierService dossiers, Core.Meetings.MeetingRegister meetings,
    Core.Tasks.ReadAccess reading) : PageModel
{
    public const int MaxFilesPerUpload = 50;

    public KeyTask Task { get; private set; } = new();
    public TrafficLight Light { get; private set; }
    public IReadOnlyList<TaskHistoryEntry> History { get; private set; } = [];
    /// <summary>The task's 领导批示, newest first.</summary>
    public IReadOnlyList<TaskHistoryEntry> Instructions { get; private set; } = [];
    public bool MayInstruct => TaskRegistry.MayInstruct(User.Actor(), Task);
    /// <summary>The dossier as documents (one row per document, its DOCX and PDF together).</summary>
    public IReadOnlyList<FiledDocument> Dossier { get; private set; } = [];
    /// <summary>Evidence removed from this dossier; listed for those who may restore it.</summary>
    public IReadOnlyList<Core.Dossiers.Evidence> Removed { get; private set; } = [];
    public IReadOnlyList<Core.Meetings.Meeting> Meetings { get; private set; } = [];
    public Core.Meetings.Meeting? SourceMeeting { get; private set; }
    /// <summary>年度结转: last year's task this one continues, and next year's task that continues this one.</summary>
    public KeyTask? CarriedFrom { get; private set; }
    public KeyTask? CarriedTo { get; private set; }
    /// <summary>The tasks above this one, top first (the breadcrumb).</summary>
    public IReadOnlyList<KeyTask> Ancestors { get; private set; } = [];
    /// <summary>Every task below this one the reader may see, as a tree (depth 0 = direct child).</summary>
    public IReadOnlyList<(TaskListItem Item, int Depth)> Subtasks { get; private set; } = [];
    /// <summary>This task's roll-up of its children, or null when it has none.</summary>
    public TaskRollup? Rollup { get; private set; }
    public bool MayAddChild => TaskRegistry.MayAddChild(User.Actor(), Task) && !Task.IsSettled;
    public OrganisationDirectory Directory => directory;
    public DateOnly Today => tasks.Today;

    public IActionResult OnGet(string code)
    {
        var task = reading.Read(code, User.Actor());
        if (task is null) return NotFound();
        Task = task;
        Light = task.LightOn(tasks.Today);
        Ancestors = tasks.Ancestors(task);
        var below = tasks.Descendants(task.Id).Select(d => d.Id).ToHashSet();
        if (below.Count > 0)
        {
            var year = reading.List(new TaskFilter { Year = task.Year }, User.Actor());
            Rollup = tasks.List(new TaskFilter { Codes = [task.Code] }).Single().Rollup;
            Light = Rollup?.Light ?? Light;
            Subtasks = TaskTree.Arrange(year.Where(i => below.Contains(i.Task.Id)), i => i.Task);
        }
        History = tasks.History(task.Id);
        Instructions = tasks.Instructions(task.Id);
        Dossier = FiledDocument.Group(dossiers.DossierOf(task.Id));
        if (User.May(Core.Accounts.Permission.RestoreEvidence)) Removed = dossiers.RemovedFrom(task.Id);
        Meetings = meetings.AboutTask(task.Id);
        SourceMeeting = task.SourceMeetingId is { } m ? meetings.Find(m) : null;
        CarriedFrom = task.CarriedFromId is { } from ? tasks.FindById(from) : null;
        CarriedTo = task.CarriedToId is { } to ? tasks.FindById(to) : null;
        return Page();
    }

    /// <summary>
    /// Adds the uploaded files to this task's dossier as one batch (one store transaction); each file gets its own
    /// verdict, a bad one stops no other.
    /// </summary>
    public async Task<IActionResult> OnPostUploadAsync(string code, List<IFormFile> files, EvidenceKind kind, CancellationToken cancellationToken)
    {
        if (tasks.Find(code) is null) return NotFound();
        var report = new List<string>();
        var refused = new List<string>();
        if (files.Count == 0) refused.Add("请选择要上传的文件。");
        else if (files.Count > MaxFilesPerUpload)
            refused.Add($"一次最多上传 {MaxFilesPerUpload} 个文件，本次选择了 {files.Count} 个，均未保存。请分批上传。");
        else
        {
            try
            {
                // One batch: one transaction for all the files; each still gets its own verdict.
                var upload = files.Select(f => new IntakeFile(f.FileName, f.OpenReadStream)).ToList();
                var batch = await dossiers.AddBatchAsync(upload, [code], new EvidenceDetails { Kind = kind },
                    User.Actor(), cancellationToken);
                foreach (var (file, intake) in files.Zip(batch.Files))
                {
                    if (intake.Error is { } error) refused.Add(error.Message);
                    else if (intake.Result is { AlreadyStored: true } linked)
                        report.Add($"“{file.FileName}”：已存在相同文件，" +
                            $"{(linked.NewlyFiledIn.Count > 0 ? "已归入本任务" : "本任务已有，未重复保存")}。");
                    else report.Add($"“{file.FileName}”：已保存{(intake.Result!.Evidence.NoTextRead ? "（未能读取文字）" : "")}。");
                }
            }
            catch (DomainRuleException e)
            {
                refused.Add(e.Message);
            }
        }
        // Saved files in the green status line, refused ones in an alert that names each file and what to do.
        if (report.Count > 0) TempData["Message"] = string.Join("\n", report);
        if (refused.Count > 0) TempData["Error"] = string.Join("\n", refused);
        return RedirectToPage(new { code });
    }

    /// <summary>批示: refusals by role or area are 403 (audited by the registry); bad input an alert on the page.</summary>
    public IActionResult OnPostInstruct(string code, string? text, DateOnly? date, int? leader)
    {
        if (tasks.Find(code) is null) return NotFound();
        try
        {
            tasks.RecordInstruction(code, text ?? "", date ?? default, User.Actor(), leader);
            TempData["Message"] = "批示已记录。";
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToPage(new { code });
    }

    public IActionResult OnPostMilestone(string code, Guid milestone, bool done)
    {
        try
        {
            tasks.MarkMilestone(code, milestone, done, User.Actor());
            TempData["Message"] = done ? "时间节点已标记为完成。" : "时间节点已改回未完成。";
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToPage(new { code });
    }
}
