using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Documents;

/// <summary>The document as it will print: an HTML page laid out to the GB/T 9704 measures (see documents.css).</summary>
public class PreviewModel(OfficialDocumentService documents) : PageModel
{
    public OfficialDocument Document { get; private set; } = new();
    public DocumentSpec Spec { get; private set; } = new();
    public IReadOnlyList<string> TitleLines { get; private set; } = [];

    public IActionResult OnGet(int id)
    {
        var document = documents.Find(id, User.Actor());
        if (document is null) return NotFound();
        Document = document;
        Spec = OfficialDocumentService.Spec(document);
        TitleLines = Core.OfficialDocuments.TitleLines.Break(Spec.Title);
        return Page();
    }

    public string Number => Document.IsIssued ? Spec.Number : Spec.WantsAutoNumber ? $"{Spec.CodePrefix}〔{Spec.Date.Year}〕　号" : Spec.Number;

    public static string HeadingClass(int level) => level switch { 1 => "h1", 2 => "h2", _ => "" };
}
