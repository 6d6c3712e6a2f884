using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Documents;

/// <summary>Picks the tasks a 通报表扬 (completed on time) or 通报批评 (overdue, milestones missed) is drafted from.</summary>
[Authorize(Policy = nameof(Permission.IssueDocuments))]
public class DraftModel(OfficialDocumentService documents, TaskRegistry tasks, OrganisationDirectory directory) : PageModel
{
    public DocumentGenre Genre { get; private set; }
    public IReadOnlyList<KeyTask> Candidates { get; private set; } = [];
    public OrganisationDirectory Directory => directory;
    public DateOnly Today => tasks.Today;
    public List<string> Errors { get; } = [];

    public IActionResult OnGet(DocumentGenre genre, int? year)
    {
        if (genre is not (DocumentGenre.Commendation or DocumentGenre.Criticism)) return RedirectToPage("Index");
        Load(genre, year);
        return Page();
    }

    public IActionResult OnPost(DocumentGenre genre, List<string> tasksPicked)
    {
        try
        {
            var draft = genre == DocumentGenre.Commendation
                ? documents.StartCommendation(tasksPicked, User.Actor())
                : documents.StartCriticism(tasksPicked, User.Actor());
            TempData["Message"] = "草稿已生成，请逐段修改后预览、印发。";
            return RedirectToPage("Edit", new { id = draft.Id });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            Load(genre, null);
            return Page();
        }
    }

    private void Load(DocumentGenre genre, int? year)
    {
        Genre = genre;
        var all = tasks.List(new TaskFilter { Year = year ?? tasks.Today.Year }).Select(i => i.Task);
        Candidates = genre == DocumentGenre.Commendation
            ? all.Where(Drafting.CompletedOnTime).ToList()
            : all.Where(t => Drafting.Failing(t, tasks.Today)).ToList();
    }
}
