using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Archive;

/// <summary>The annual archive bundle: started as a background job, its progress shown, then downloaded.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.ExportArchive))]
public class IndexModel(BundleJobs jobs, TaskRegistry tasks) : PageModel
{
    public IReadOnlyList<int> Years => tasks.Years();
    public BundleJobs.Job? Job { get; private set; }

    public IActionResult OnGet(Guid? job)
    {
        if (job is { } id && (Job = jobs.Find(id)) is null) return NotFound();
        return Page();
    }

    /// <summary>Why an export could not start (the year is being exported already), shown above the form.</summary>
    public string? StartError { get; private set; }

    public IActionResult OnPost(int year)
    {
        try
        {
            return RedirectToPage(new { job = jobs.Start(year, User.Actor()).Id });
        }
        catch (Core.DomainRuleException e)
        {
            StartError = e.Message;
            return Page();
        }
    }

    public IActionResult OnGetDownload(Guid job)
    {
        var found = jobs.Find(job);
        if (found is not { State: BundleJobs.State.Done }) return NotFound();
        return PhysicalFile(found.File, "application/zip", Path.GetFileName(found.File));
    }
}
