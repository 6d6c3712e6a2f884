using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Documents;

/// <summary>公文: the issued documents register (with disclosure metadata), drafts, the 发文字号 register, new drafts.</summary>
public class IndexModel(OfficialDocumentService documents, DocumentNumberRegister numbers, TaskRegistry tasks) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<OfficialDocument> Documents { get; private set; } = [];
    public IReadOnlyList<NumberAllocation> Numbers { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public void OnGet(int? year) => Load(year);

    public IActionResult OnPostStart(DocumentGenre genre)
    {
        // A value no list offers (genre=999) leaves the parameter at its default (通知): refuse it instead.
        if (!ModelState.IsValid) throw new DomainRuleException(OfficialDocumentService.InvalidGenre);
        if (genre is DocumentGenre.Commendation or DocumentGenre.Criticism) return RedirectToPage("Draft", new { genre });
        var draft = documents.StartFromTemplate(genre, [], User.Actor());
        return RedirectToPage("Edit", new { id = draft.Id });
    }

    public IActionResult OnPostVoid(string number, string? reason, int? year)
    {
        try
        {
            numbers.Void(number, reason ?? "", User.Actor());
            TempData["Message"] = $"发文字号 {number} 已作废（保留在登记簿中，不再使用）。";
            return RedirectToPage(new { year });
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            Load(year);
            return Page();
        }
    }

    private void Load(int? year)
    {
        Year = year ?? tasks.Today.Year;
        Documents = documents.List(Year, User.Actor());
        Numbers = numbers.List(Year);
    }
}
