using LuoshiArchive.Core;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LuoshiArchive.Web.Pages.Archive;

/// <summary>
/// Bundle verification and import for administrators: upload a bundle, read the verification report, import a year
/// the store lacks, watching its progress. The job is found by its id; the file never by a name from the request.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Core.Accounts.Permission.ImportArchive))]
public class ImportModel(BundleImportJobs jobs, LuoshiOptions options) : FormPageModel
{
    public BundleImportJobs.Job? Job { get; private set; }
    public string Limit => Core.Storage.ByteSize.Format(options.MaxBundleUploadBytes);

    public IActionResult OnGet(Guid? job)
    {
        if (job is { } id && (Job = jobs.Find(id)) is null) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? bundle, CancellationToken cancellation)
    {
        if (bundle is null || bundle.Length == 0) throw new DomainRuleException("请选择要上传的归档包（.zip）。");
        await using var content = bundle.OpenReadStream();
        var job = await jobs.ReceiveAsync(content, bundle.FileName, User.Actor(), cancellation);
        return RedirectToPage(new { job = job.Id });
    }

    public IActionResult OnPostImport(Guid job)
    {
        if (jobs.Find(job) is null) return NotFound();
        try
        {
            jobs.StartImport(job, User.Actor());
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToPage(new { job });
    }

    public IActionResult OnPostDiscard(Guid job)
    {
        jobs.Discard(job, User.Actor());
        TempData["Message"] = "已放弃这次上传，文件已删除。";
        return RedirectToPage(new { job = (Guid?)null });
    }
}
