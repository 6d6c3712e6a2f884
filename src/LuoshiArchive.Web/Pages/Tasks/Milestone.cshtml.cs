using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Tasks;

/// <summary>
/// Marking a milestone done asks for its proof: evidence chosen from the dossier, files uploaded now, or an explicit
/// "evidence to follow" that keeps the step flagged; the same page supplies the evidence later.
/// </summary>
public class MilestoneModel(ProgressLog progress, DossierService dossiers, Core.Tasks.ReadAccess reading) : PageModel
{
    public KeyTask Task { get; private set; } = new();
    public Milestone Milestone { get; private set; } = new();
    public IReadOnlyList<Core.Dossiers.Evidence> Dossier { get; private set; } = [];
    public IReadOnlyList<Core.Dossiers.Evidence> Proof { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public IActionResult OnGet(string code, Guid id) => Load(code, id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, Guid id, List<int> evidence, List<IFormFile> files, bool toFollow,
        CancellationToken cancellationToken)
    {
        if (!Load(code, id)) return NotFound();
        var streams = files.Where(f => f.Length > 0).Select(f => new IncomingFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var wasDone = Milestone.Done;
            await progress.CompleteMilestoneAsync(code, id, evidence, streams, toFollow, User.Actor(), cancellationToken);
            var proven = evidence.Count + streams.Count > 0;
            TempData["Message"] = wasDone ? "已补充该时间节点的佐证材料。"
                : proven ? "时间节点已标记为完成，佐证材料已关联。" : "时间节点已标记为完成，佐证材料后补（在补交前持续提示）。";
            return Redirect($"/Tasks/{Uri.EscapeDataString(code)}");
        }
        catch (DomainRuleException e)
        {
            Errors.Add(e.Message);
            Load(code, id);
            return Page();
        }
        finally
        {
            foreach (var s in streams) await s.Content.DisposeAsync();
        }
    }

    private bool Load(string code, Guid id)
    {
        var task = reading.Read(code, User.Actor());
        var milestone = task?.Milestones.FirstOrDefault(m => m.Id == id);
        if (task is null || milestone is null) return false;
        (Task, Milestone) = (task, milestone);
        Dossier = dossiers.DossierOf(task.Id);
        Proof = progress.ProofOf(milestone);
        return true;
    }
}
