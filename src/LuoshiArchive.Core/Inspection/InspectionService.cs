using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Inspection;

/// <summary>
/// The inspection view (迎检): every selected task with its four clarities, status and evidence counted by kind,
/// flagging the gaps the office chose to count, the ones an inspector would ask about first.
/// </summary>
public sealed class InspectionService(TaskRegistry tasks, DossierService dossiers, OrganisationDirectory directory,
    LuoshiOptions options, ReadAccess reading, ProgressLog progress, SupervisionService supervision)
{
    /// <summary>The selected tasks <paramref name="actor"/> may read (see <see cref="ReadAccess"/>).</summary>
    public IReadOnlyList<InspectionRow> Rows(InspectionSelection selection, Actor actor)
    {
        if (selection.IsEmpty) return [];
        var codes = selection.TaskCodes.Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        var items = Choosable(selection.Year, actor, new TaskFilter
        {
            Year = selection.Year, LeadDepartmentId = selection.DepartmentId,
            SupervisingLeaderId = selection.SupervisingLeaderId,
        }).Where(i => codes.Count == 0 || codes.Contains(i.Task.Code));
        return items.Select(i => RowFor(i, selection.Gaps)).ToList();
    }

    /// <summary>The year's tasks <paramref name="actor"/> may read, for the page's task picker.</summary>
    public IReadOnlyList<TaskListItem> Choosable(int? year, Actor actor, TaskFilter? filter = null) =>
        reading.List(filter ?? new TaskFilter { Year = year }, actor);

    private InspectionRow RowFor(TaskListItem item, IReadOnlySet<InspectionGap> gaps)
    {
        var dossier = dossiers.DossierOf(item.Task.Id);
        var byKind = Enum.GetValues<EvidenceKind>().ToDictionary(k => k, k => dossier.Count(e => e.Kind == k));
        return new InspectionRow(item.Task, item.Light, item.LeadDepartment, item.SupervisingLeader, byKind, dossier,
            Flags(item.Task, dossier, gaps));
    }

    /// <summary>The gaps of <paramref name="task"/> that count, in Chinese.</summary>
    internal static IReadOnlyList<string> Flags(KeyTask task, IReadOnlyList<Evidence> dossier,
        IReadOnlySet<InspectionGap>? counted = null)
    {
        counted ??= InspectionGaps.Default;
        var flags = new List<string>();
        var missing = task.MissingClarities();
        if (counted.Contains(InspectionGap.Clarities) && missing.Count > 0)
            flags.Add("四明确不完整：缺" + string.Join("、", missing));
        if (counted.Contains(InspectionGap.NoEvidence) && dossier.Count == 0) flags.Add("无佐证材料");
        if (counted.Contains(InspectionGap.NoMinutes) && dossier.Count > 0 && dossier.All(e => e.Kind != EvidenceKind.Minutes))
            flags.Add("无会议纪要");
        if (!counted.Contains(InspectionGap.MilestoneWithoutProof)) return flags;
        // One rule for every task: a step reported done is proved by evidence named as its proof and still in the
        // dossier (as the task page shows it), not by whatever else happens to be filed.
        var filed = dossier.Select(e => e.Id).ToHashSet();
        foreach (var milestone in task.Milestones.Where(m => m.Done && !m.EvidenceIds.Any(filed.Contains)))
            flags.Add($"节点“{milestone.Description}”已完成但未关联佐证材料");
        return flags;
    }

    /// <summary>
    /// The selection's dossiers as a ZIP: one folder per task with the originals, the index sheet (目录.xlsx, which
    /// also lists the tasks with no evidence) and the task ledger with the gap list (任务台账.xlsx).
    /// </summary>
    public void WriteZip(InspectionSelection selection, Actor actor, Stream output)
    {
        var rows = Rows(selection, actor);
        var ledger = new InspectionLedger(rows, progress, supervision, tasks.Today);
        DossierZip.Write(output, rows.Select(r => (r.Task, r.Dossier)).ToList(), dossiers.OpenOriginal,
            options.OrganisationName, tasks.Today, [(InspectionLedger.FileName, ledger.Write)]);
    }

    public string DepartmentName(int? id) => directory.DepartmentName(id);
}
