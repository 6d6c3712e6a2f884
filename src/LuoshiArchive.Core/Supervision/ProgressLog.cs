using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Supervision;

/// <summary>
/// The progress log (进展): dated reports on a task with their evidence, and milestones marked done with their proof.
/// Files go through <see cref="DossierService"/>, so they are in the task's dossier and searchable like any evidence.
/// </summary>
public sealed class ProgressLog(
    ISupervisionStore store, TaskRegistry tasks, DossierService dossiers, TimeProvider clock, Audit.AuditLog audit)
{
    public const int MaxTextLength = 2000;
    public const int MaxFiles = 20;
    private readonly Audit.AuditLog _audit = audit;

    public DateOnly Today => tasks.Today;

    /// <summary>A task's entries, newest first.</summary>
    public IReadOnlyList<ProgressEntry> Of(int taskId) =>
        store.Progress.Find(e => e.TaskId == taskId).OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToList();

    /// <summary>Entries dated from <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<ProgressEntry> Between(DateOnly from, DateOnly to) =>
        store.Progress.FindAll().Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date).ThenBy(e => e.Id).ToList();

    public ProgressEntry? Find(int id) => store.Progress.FindById(id);

    /// <summary>
    /// Records a progress report on a task, with its files filed in the dossier first. The lead department's report
    /// (or the office's) also becomes the task's 进展情况 in the one-table view. A file that cannot be taken in stops
    /// the report (nothing is recorded); files already stored are linked, not duplicated, when it is sent again.
    /// </summary>
    public async Task<ProgressEntry> AddAsync(string taskCode, ProgressDraft draft, IReadOnlyList<IncomingFile> files, Actor actor,
        CancellationToken cancellationToken = default) =>
        await AddAsync(taskCode, draft, files, actor, order: null, cancellationToken);

    internal async Task<ProgressEntry> AddAsync(string taskCode, ProgressDraft draft, IReadOnlyList<IncomingFile> files, Actor actor,
        SupervisionOrder? order, CancellationToken cancellationToken)
    {
        var task = tasks.Find(taskCode) ?? throw new DomainRuleException($"任务“{taskCode}”不存在。");
        if (order is null) Access.Demand(actor, Permission.FileEvidence, _audit, task);
        Validate(draft, files);
        var evidenceIds = await FileAsync(task, files, draft.EvidenceKind, draft.Date, actor, cancellationToken);
        var entry = new ProgressEntry
        {
            TaskId = task.Id, TaskCode = task.Code, Date = draft.Date, Text = draft.Text.Trim(), Completion = draft.Completion,
            Problems = draft.Problems.Trim(), NextSteps = draft.NextSteps.Trim(), EvidenceIds = evidenceIds,
            DepartmentId = order?.DepartmentId ?? (actor.Role == UserRole.DepartmentUser ? actor.DepartmentId : task.LeadDepartmentId),
            SupervisionOrderId = order?.Id, RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = actor.Name,
        };
        store.InTransaction(() =>
        {
            store.Progress.Insert(entry);
            // The newest report is the one-table's summary; an entry back-dated behind a newer one is history only.
            var newest = Of(task.Id).First();
            if (newest.Id == entry.Id && Access.Allows(actor, Permission.EditTask, task))
                tasks.NoteProgress(tasks.Find(task.Code)!, $"{entry.Date:yyyy-MM-dd}：{entry.Text}", actor);
            _audit.Record(actor.Name, "progress.added", $"任务 {task.Code}",
                $"{entry.Date:yyyy-MM-dd} {Shorten(entry.Text)}" + (entry.Completion is { } c ? $"（完成约{c}%）" : "")
                + (evidenceIds.Count > 0 ? $"；佐证材料 {string.Join("、", evidenceIds)}" : "")
                + (order is not null ? $"；回复督办单 {order.Number}" : ""));
        });
        return entry;
    }

    /// <summary>
    /// Marks a milestone done with its proof: evidence chosen from the dossier, files uploaded now, or the explicit
    /// "evidence to follow". On a step already done and awaiting evidence, the evidence given is added as its proof.
    /// </summary>
    public async Task<KeyTask> CompleteMilestoneAsync(string taskCode, Guid milestoneId, IReadOnlyList<int> evidenceIds,
        IReadOnlyList<IncomingFile> files, bool evidenceToFollow, Actor actor, CancellationToken cancellationToken = default)
    {
        var task = tasks.Find(taskCode) ?? throw new DomainRuleException($"任务“{taskCode}”不存在。");
        Access.Demand(actor, Permission.EditTask, _audit, task);
        var milestone = task.Milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new DomainRuleException("该时间节点不存在。");
        if (evidenceIds.Count == 0 && files.Count == 0 && !evidenceToFollow)
            throw new DomainRuleException("标记完成须提供证明该节点完成的佐证材料，或注明“佐证材料后补”。");
        if (files.Count > MaxFiles) throw new DomainRuleException($"一次最多上传 {MaxFiles} 个文件。");
        var uploaded = await FileAsync(task, files, EvidenceKind.ProcessRecord, Today, actor, cancellationToken);
        var proof = new MilestoneProof([.. evidenceIds, .. uploaded], EvidenceToFollow: evidenceToFollow);
        return milestone.Done
            ? tasks.SupplyMilestoneEvidence(task.Code, milestoneId, proof.EvidenceIds, actor)
            : tasks.MarkMilestone(task.Code, milestoneId, true, actor, proof);
    }

    /// <summary>The evidence named as a milestone's proof that is still in the dossier.</summary>
    public IReadOnlyList<Evidence> ProofOf(Milestone milestone) =>
        milestone.EvidenceIds.Select(dossiers.Find).OfType<Evidence>().Where(e => !e.IsRemoved).ToList();

    private async Task<List<int>> FileAsync(KeyTask task, IReadOnlyList<IncomingFile> files, EvidenceKind kind, DateOnly date,
        Actor actor, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        foreach (var file in files)
        {
            try
            {
                var result = await dossiers.AddAsync(file.Content, file.FileName, [task.Code],
                    new EvidenceDetails { Kind = kind, Date = date }, actor, cancellationToken);
                ids.Add(result.Evidence.Id);
            }
            catch (Exception e) when (e is DomainRuleException or ExtractionException)
            {
                var saved = ids.Count == 0 ? "" : $"此前的 {ids.Count} 个文件已存入档案，再次提交时不会重复保存。";
                throw new DomainRuleException($"“{file.FileName}”未能保存：{e.Message} 本次未记录。{saved}");
            }
        }
        return ids.Distinct().ToList();
    }

    private void Validate(ProgressDraft draft, IReadOnlyList<IncomingFile> files)
    {
        var problems = new List<string>();
        if (draft.Date == default) problems.Add("请填写进展日期");
        else if (draft.Date > Today) problems.Add("进展日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(draft.Text)) problems.Add("请填写进展情况");
        if (draft.Text.Trim().Length > MaxTextLength || draft.Problems.Trim().Length > MaxTextLength || draft.NextSteps.Trim().Length > MaxTextLength)
            problems.Add($"每项内容不能超过{MaxTextLength}字");
        if (draft.Completion is < 0 or > 100) problems.Add("完成程度应在0至100之间");
        if (!Enum.IsDefined(draft.EvidenceKind)) problems.Add("材料类别无效");
        if (files.Count > MaxFiles) problems.Add($"一次最多上传 {MaxFiles} 个文件");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
    }

    internal static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
