using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>A task's progress log (进展) in full, and where the task page's progress form posts.</summary>
public class ProgressModel(ProgressLog progress, Core.Tasks.ReadAccess reading) : FormPageModel
{
    public KeyTask Task { get; private set; } = new();
    public IReadOnlyList<ProgressEntry> Entries { get; private set; } = [];
    [BindProperty] public Input Form { get; set; } = new();

    /// <summary>What the shared form partial shows: the task it posts for and the values to show.</summary>
    public sealed record FormView(string Code, Input Values);

    /// <summary>The progress form; strings nullable as posted.</summary>
    public sealed class Input
    {
        public DateOnly? Date { get; set; }
        public string? Text { get; set; }
        public int? Completion { get; set; }
        public string? Problems { get; set; }
        public string? NextSteps { get; set; }
        public EvidenceKind Kind { get; set; } = EvidenceKind.ProcessRecord;

        public ProgressDraft ToDraft() => new()
        {
            Date = Date ?? default, Text = Text ?? "", Completion = Completion, Problems = Problems ?? "", NextSteps = NextSteps ?? "",
            EvidenceKind = Kind,
        };
    }

    public IActionResult OnGet(string code)
    {
        if (!Load(code)) return NotFound();
        Form = new Input { Date = progress.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (!Load(code)) return NotFound();
        if (!ModelState.IsValid) throw new DomainRuleException("表单内容无效（请检查日期和完成程度）。");
        var streams = files.Where(f => f.Length > 0).Select(f => new IncomingFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            await progress.AddAsync(code, Form.ToDraft(), streams, User.Actor(), cancellationToken);
        }
        finally
        {
            foreach (var s in streams) await s.Content.DisposeAsync();
        }
        TempData["Message"] = "进展已报送" + (streams.Count > 0 ? $"，{streams.Count} 份佐证材料已存入档案" : "") + "。";
        return Redirect($"/Tasks/{Uri.EscapeDataString(code)}#h-progress");
    }

    private bool Load(string code)
    {
        var task = reading.Read(code, User.Actor());
        if (task is null) return false;
        Task = task;
        Entries = progress.Of(task.Id);
        return true;
    }
}
