using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// A page with a form. A <see cref="Core.DomainRuleException"/> from a handler (bad input the user can fix) is put in
/// <see cref="Errors"/> by <see cref="DomainErrorFilter"/> and the page is shown again through <see cref="Refused"/>,
/// so handlers need no try/catch for it.
/// </summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>Shown above the form by the _Errors partial.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>
    /// The page shown after a refusal: by default the page as the handler left it. Override to load again what the
    /// handler loads after its work, or to give back what was typed in a shape the form shows.
    /// </summary>
    public virtual IActionResult Refused() => Page();
}
