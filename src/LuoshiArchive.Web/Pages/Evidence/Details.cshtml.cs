using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Evidence;

/// <summary>One piece of evidence: metadata (editable), its text with the search terms marked, download, its tasks.</summary>
public class DetailsModel(DossierService dossiers, TaskRegistry tasks) : PageModel
{
    public Core.Dossiers.Evidence Evidence { get; private set; } = new();
    public IReadOnlyList<KeyTask> Tasks { get; private set; } = [];
    public string MarkedText { get; private set; } = "";
    public string? Query { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public EvidenceKind Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Author { get; set; }

    public IActionResult OnGet(int id, string? q)
    {
        if (!Load(id, q)) return NotFound();
        (Kind, Title, Number, Date, Author) = (Evidence.Kind, Evidence.Title, Evidence.Number, Evidence.Date, Evidence.Author);
        return Page();
    }

    public IActionResult OnPost(int id)
    {
        if (!Load(id, null)) return NotFound();
        try
        {
            if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效（请检查日期格式）。");
            dossiers.UpdateDetails(id, new EvidenceDetails { Kind = Kind, Title = Title, Number = Number ?? "", Date = Date, Author = Author ?? "" },
                User.Actor());
            TempData["Message"] = "材料信息已保存。";
            return RedirectToPage(new { id });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
    }

    /// <summary>The original file, byte for byte. Looked up by id only: no path from the request reaches the disk.</summary>
    public IActionResult OnGetDownload(int id)
    {
        var evidence = dossiers.Find(id);
        if (evidence is null) return NotFound();
        return File(dossiers.OpenOriginal(evidence), ContentTypes.For(evidence.OriginalFileName), evidence.OriginalFileName);
    }

    private bool Load(int id, string? q)
    {
        var evidence = dossiers.Find(id);
        if (evidence is null) return false;
        Evidence = evidence;
        Query = q;
        var text = dossiers.TextOf(evidence);
        MarkedText = string.IsNullOrWhiteSpace(q) ? text : EvidenceIndex.HighlightText(text, q);
        var ids = evidence.Links.Select(l => l.TaskId).ToHashSet();
        Tasks = tasks.List(new TaskFilter()).Select(i => i.Task).Where(t => ids.Contains(t.Id)).ToList();
        return true;
    }
}
