using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Documents;

/// <summary>
/// Issuing, confirmed: the number about to be taken (which cannot be given back, only voided), the tasks whose dossiers
/// the document goes into; issuing happens only on the confirming post.
/// </summary>
[Authorize(Policy = nameof(Permission.IssueDocuments))]
public class IssueModel(OfficialDocumentService documents) : PageModel
{
    public OfficialDocument Document { get; private set; } = new();
    public string Number { get; private set; } = "";
    public IReadOnlyList<KeyTask> Tasks { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool SignedOff => Document.Stage() == DocumentStage.SignedOff;

    public IActionResult OnGet(int id)
    {
        var document = documents.Find(id);
        if (document is null) return NotFound();
        if (document.IsIssued) return RedirectToPage("Details", new { id });
        Show(document);
        if (!SignedOff) Errors.Add(DocumentSigning.NotSignedOff);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var document = documents.Find(id);
        if (document is null) return NotFound();
        try
        {
            var issued = await documents.IssueAsync(id, User.Actor(), cancellationToken);
            TempData["Message"] = $"已印发：{issued.Number} {issued.Title}。" + (issued.TaskIds.Count > 0 ? "已归入所涉任务的档案。" : "");
            return RedirectToPage("Details", new { id });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            Show(documents.Find(id)!);
            return Page();
        }
    }

    private void Show(OfficialDocument document) => (Document, Number, Tasks) = (document,
        document.Stage() == DocumentStage.SignedOff ? documents.NumberToTake(document) : "", documents.TasksOf(document));
}
