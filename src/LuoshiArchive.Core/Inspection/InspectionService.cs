using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Inspection;

/// <summary>
/// The inspection view (迎检): every selected task with its four clarities, status and evidence counted by kind,
/// flagging what an inspector would ask about first.
/// </summary>
public sealed class InspectionService(TaskRegistry tasks, DossierService dossiers, OrganisationDirectory directory, LuoshiOptions options,
    ReadAccess reading)
{
    /// <summary>The selected tasks <paramref name="actor"/> may read (see <see cref="ReadAccess"/>).</summary>
    public IReadOnlyList<InspectionRow> Rows(InspectionSelection selection, Actor actor)
    {
        if (selection.IsEmpty) return [];
        var codes = selection.TaskCodes.Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        var items = reading.List(new TaskFilter
        {
            Year = selection.Year, LeadDepartmentId = selection.DepartmentId, SupervisingLeaderId = selection.SupervisingLeaderId,
        }, actor).Where(i => codes.Count == 0 || codes.Contains(i.Task.Code));
        return items.Select(i => RowFor(i)).ToList();
    }

    private InspectionRow RowFor(TaskListItem item)
    {
        var dossier = dossiers.DossierOf(item.Task.Id);
        var byKind = Enum.GetValues<EvidenceKind>().ToDictionary(k => k, k => dossier.Count(e => e.Kind == k));
        return new InspectionRow(item.Task, item.Light, item.LeadDepartment, item.SupervisingLeader, byKind, dossier,
            Flags(item.Task, dossier));
    }

    /// <summary>The gaps an inspector asks about, in Chinese.</summary>
    internal static IReadOnlyList<string> Flags(KeyTask task, IReadOnlyList<Evidence> dossier)
    {
        var flags = new List<string>();
        var missing = task.MissingClarities();
        if (missing.Count > 0) flags.Add("四明确不完整：缺" + string.Join("、", missing));
        if (dossier.Count == 0) flags.Add("无佐证材料");
        else if (dossier.All(e => e.Kind != EvidenceKind.Minutes)) flags.Add("无会议纪要");
        foreach (var milestone in task.Milestones.Where(m => m.Done))
        {
            var doneOn = milestone.DoneOn ?? milestone.Due;
            // Evidence for a step must exist by the time the step is reported done.
            if (!dossier.Any(e => (e.Date ?? DateOnly.FromDateTime(e.AddedAt)) <= doneOn))
                flags.Add($"节点“{milestone.Description}”已完成但无佐证材料");
        }
        return flags;
    }

    /// <summary>The selection's dossiers as a ZIP (one folder per task, originals and an index sheet).</summary>
    public void WriteZip(InspectionSelection selection, Actor actor, Stream output) =>
        DossierZip.Write(output, Rows(selection, actor).Select(r => (r.Task, r.Dossier)).ToList(), dossiers.OpenOriginal,
            options.OrganisationName, tasks.Today);

    public string DepartmentName(int? id) => directory.DepartmentName(id);
}
