using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Documents;

/// <summary>One document: its register data, the tasks it names, downloads (DOCX, PDF), and its print preview.</summary>
public class DetailsModel(OfficialDocumentService documents, DossierService dossiers) : PageModel
{
    public OfficialDocument Document { get; private set; } = new();
    public DocumentSpec Spec { get; private set; } = new();
    public IReadOnlyList<KeyTask> Tasks { get; private set; } = [];

    public IActionResult OnGet(int id)
    {
        var document = documents.Find(id, User.Actor());
        if (document is null) return NotFound();
        (Document, Spec, Tasks) = (document, OfficialDocumentService.Spec(document), documents.TasksOf(document));
        return Page();
    }

    /// <summary>The DOCX: the filed original once issued; a draft is rendered as it stands.</summary>
    public IActionResult OnGetDocx(int id)
    {
        var document = documents.Find(id, User.Actor());
        if (document is null) return NotFound();
        var spec = OfficialDocumentService.Spec(document);
        var name = Core.Storage.ArchiveNames.Safe($"{(document.IsIssued && document.Number.Length > 0 ? document.Number + " " : "")}{spec.Title}{(document.IsIssued ? "" : "（草稿）")}") + ".docx";
        if (document.DocxEvidenceId is { } evidenceId && dossiers.Find(evidenceId) is { } filed)
            return File(dossiers.OpenOriginal(filed), ContentTypes.For(name), name);
        return File(OfficialDocumentService.Render(spec, OfficialDocumentService.Layout(document)), ContentTypes.For(name), name);
    }

    public IActionResult OnGetPdf(int id)
    {
        var document = documents.Find(id, User.Actor());
        if (document?.PdfEvidenceId is not { } evidenceId || dossiers.Find(evidenceId) is not { } filed) return NotFound();
        return File(dossiers.OpenOriginal(filed), "application/pdf", filed.OriginalFileName);
    }
}
