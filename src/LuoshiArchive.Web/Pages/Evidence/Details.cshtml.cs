using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Evidence;

/// <summary>One piece of evidence: metadata (editable), its text with the search terms marked, download, its tasks.</summary>
public class DetailsModel(DossierService dossiers, TaskRegistry tasks) : FormPageModel
{
    public Core.Dossiers.Evidence Evidence { get; private set; } = new();
    public IReadOnlyList<KeyTask> Tasks { get; private set; } = [];
    /// <summary>Tasks this user may file the evidence into besides those it is in (另归入其他任务), newest year first.</summary>
    public IReadOnlyList<KeyTask> OtherTasks { get; private set; } = [];
    public string MarkedText { get; private set; } = "";
    /// <summary>The text is longer than a page shows (<see cref="DossierService.ShownTextLength"/>).</summary>
    public bool Cut { get; private set; }
    /// <summary>The document this file belongs to with all its renditions (DOCX and PDF of an issued circular).</summary>
    public FiledDocument Document { get; private set; } = new(new(), []);
    public string? Query { get; private set; }

    [BindProperty] public EvidenceKind Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Author { get; set; }
    [BindProperty] public string? Retention { get; set; }

    public bool MayChange { get; private set; }

    public IActionResult OnGet(int id, string? q)
    {
        if (!Load(id, q)) return NotFound();
        (Kind, Title, Number, Date, Author, Retention) =
            (Evidence.Kind, Evidence.Title, Evidence.Number, Evidence.Date, Evidence.Author, Evidence.Retention);
        return Page();
    }

    public IActionResult OnPost(int id)
    {
        if (!Load(id, null)) return NotFound();
        if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效（请检查日期格式）。");
        dossiers.UpdateDetails(id, new EvidenceDetails
        {
            Kind = Kind, Title = Title, Number = Number ?? "", Date = Date, Author = Author ?? "", Retention = Retention ?? "",
        }, User.Actor());
        TempData["Message"] = "材料信息已保存。";
        return RedirectToPage(new { id });
    }

    /// <summary>Removes the evidence from every dossier and from search, with the reason given (a soft delete).</summary>
    public IActionResult OnPostRemove(int id, string? reason)
    {
        if (!Load(id, null)) return NotFound();
        dossiers.Remove(id, reason ?? "", User.Actor());
        TempData["Message"] = "材料已删除（可由办公室管理员恢复）。";
        return Tasks.Count > 0 ? Redirect("/Tasks/" + Uri.EscapeDataString(Tasks[0].Code)) : RedirectToPage(new { id });
    }

    /// <summary>Files the evidence into one more task's dossier (e.g. minutes that concern a further task).</summary>
    public IActionResult OnPostFileInto(int id, string? task)
    {
        if (!Load(id, null)) return NotFound();
        if (string.IsNullOrWhiteSpace(task)) throw new DomainRuleException("请选择要归入的任务。");
        dossiers.FileInto(id, task, User.Actor());
        TempData["Message"] = $"材料已另归入任务 {task}，该任务的档案和检索结果中可以看到它。";
        return RedirectToPage(new { id });
    }

    public IActionResult OnPostRestore(int id)
    {
        if (!Load(id, null)) return NotFound();
        dossiers.Restore(id, User.Actor());
        TempData["Message"] = "材料已恢复，重新出现在所属任务的档案和检索结果中。";
        return RedirectToPage(new { id });
    }

    /// <summary>The original file, byte for byte. Looked up by id only: no path from the request reaches the disk.</summary>
    public IActionResult OnGetDownload(int id)
    {
        var evidence = dossiers.Read(id, User.Actor());
        if (evidence is null) return NotFound();
        return File(dossiers.OpenOriginal(evidence), ContentTypes.For(evidence.OriginalFileName), evidence.OriginalFileName);
    }

    private bool Load(int id, string? q)
    {
        var evidence = dossiers.Read(id, User.Actor());
        if (evidence is null) return false;
        Evidence = evidence;
        MayChange = dossiers.MayChange(evidence, User.Actor());
        var main = evidence.RenditionOf is { } m ? dossiers.Find(m) ?? evidence : evidence;
        Document = new FiledDocument(main, dossiers.RenditionsOf(main.Id));
        Query = q;
        var text = dossiers.ShownTextOf(evidence);
        Cut = evidence.TextLength > text.Length;
        MarkedText = string.IsNullOrWhiteSpace(q) ? text : EvidenceIndex.HighlightText(text, q);
        var ids = evidence.Links.Select(l => l.TaskId).ToHashSet();
        var all = tasks.List(new TaskFilter()).Select(i => i.Task).ToList();
        Tasks = all.Where(t => ids.Contains(t.Id)).ToList();
        var actor = User.Actor();
        OtherTasks = evidence.IsRemoved
            ? []
            : all.Where(t => !ids.Contains(t.Id) && Access.Allows(actor, Permission.FileEvidence, t))
                .OrderByDescending(t => t.Year).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
        return true;
    }
}
