using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.Documents;

/// <summary>
/// One document: its register data, the tasks it names, 发文办理 (送核稿, 核稿, 签发 as the user's rights allow),
/// downloads (DOCX, PDF, the 发文稿纸), and its print preview.
/// </summary>
public class DetailsModel(OfficialDocumentService documents, DocumentSigning signing, DossierService dossiers,
    LuoshiOptions options) : FormPageModel
{
    [BindProperty] public string? Opinion { get; set; }

    public OfficialDocument Document { get; private set; } = new();
    public DocumentSpec Spec { get; private set; } = new();
    public IReadOnlyList<KeyTask> Tasks { get; private set; } = [];

    public IActionResult OnGet(int id) => Load(id) ?? Page();

    public IActionResult OnPostSubmit(int id) => Step(id, "已送核稿。", () => signing.Submit(id, User.Actor()));

    public IActionResult OnPostReview(int id) => Step(id, "已核稿，待委领导签发。",
        () => signing.Review(id, Opinion ?? "", User.Actor()));

    public IActionResult OnPostSignOff(int id) => Step(id, "已签发，可编号印发。",
        () => signing.SignOff(id, Opinion ?? "", User.Actor()));

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

    /// <summary>The 发文稿纸 with the steps as recorded so far.</summary>
    public IActionResult OnGetSheet(int id)
    {
        var document = documents.Find(id, User.Actor());
        if (document is null) return NotFound();
        using var buffer = new MemoryStream();
        DraftingSheet.Write(buffer, document, options.OrganisationName, documents.TasksOf(document).Select(t => t.Code).ToList());
        var name = DraftingSheet.FileName(document);
        return File(buffer.ToArray(), ContentTypes.For(name), name);
    }

    public override IActionResult Refused()
    {
        Load(Document.Id);
        return Page();
    }

    private IActionResult Step(int id, string message, Action record)
    {
        if (Load(id) is { } missing) return missing;
        record();
        TempData["Message"] = message;
        return Redirect($"/Documents/{id}");
    }

    private IActionResult? Load(int id)
    {
        var document = documents.Find(id, User.Actor());
        if (document is null) return NotFound();
        (Document, Spec, Tasks) = (document, OfficialDocumentService.Spec(document), documents.TasksOf(document));
        return null;
    }
}
