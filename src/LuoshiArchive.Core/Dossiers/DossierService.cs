using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// The dossiers (一事一档): adds evidence to tasks and keeps the three places it lives in step. The durable order is
/// blob (fsynced, renamed) → metadata (the store) → index (Lucene), so a crash at any point leaves either nothing
/// visible or evidence that the index catches up with at the next start (<see cref="BringIndexUpToDate"/>).
/// </summary>
public sealed partial class DossierService(
    IEvidenceStore store, IBlobStore blobs, EvidenceIndex index, IsolatedTextExtractor extractor, TaskRegistry tasks,
    EvidenceIndexing indexing, TimeProvider clock, LuoshiOptions options, ReadAccess reading,
    Audit.AuditLog audit)
{
    // Store transactions are per thread and short; this lock makes "is this content stored? then link or insert" atomic.
    private readonly Lock _write = new();
    // Indexing a text of millions of characters holds a few hundred MB of postings until it is flushed: one at a time.
    private readonly SemaphoreSlim _longText = new(1);

    /// <summary>
    /// Texts longer than this many bytes of UTF-8 are stored and indexed one at a time, each in its own transaction,
    /// outside the batch they came in (bounded memory under concurrent large uploads).
    /// </summary>
    public const int LongTextLength = 1_000_000;
    private readonly Audit.AuditLog _audit = audit;

    public Evidence? Find(int id) => store.Evidence.FindById(id);

    /// <summary>The dossier of one task, newest first (removed evidence left out).</summary>
    public IReadOnlyList<Evidence> DossierOf(int taskId) =>
        FiledIn(taskId).Where(e => !e.IsRemoved).OrderByDescending(e => e.Date ?? DateOnly.MinValue).ThenByDescending(e => e.Id).ToList();

    /// <summary>The other renditions of a document (its PDF beside the DOCX), removed ones left out.</summary>
    public IReadOnlyList<Evidence> RenditionsOf(int evidenceId) =>
        store.Evidence.Find(e => e.RenditionOf == evidenceId && e.Removal == null).ToList();

    /// <summary>Evidence removed from one task's dossier, most recently removed first: what an administrator can restore.</summary>
    public IReadOnlyList<Evidence> RemovedFrom(int taskId) =>
        FiledIn(taskId).Where(e => e.IsRemoved).OrderByDescending(e => e.Removal!.At).ToList();

    private IEnumerable<Evidence> FiledIn(int taskId) => store.FindLinkedTo(taskId);

    /// <summary>
    /// The evidence as <paramref name="actor"/> may see it: null when it does not exist, or is removed and the actor may
    /// not restore it; refused when none of its tasks is theirs to read, or when it is in no task and the actor does not
    /// read every task.
    /// </summary>
    public Evidence? Read(int id, Actor actor)
    {
        var evidence = Find(id);
        if (evidence is null) return null;
        if (evidence.IsRemoved && !Access.Allows(actor, Permission.RestoreEvidence)) return null;
        var linked = TasksOf(evidence);
        // Filed into no task yet (a received document not yet assigned): only those who read every task read it.
        if (linked.Count == 0 && !reading.ReadsEveryTask(actor))
            Access.Refuse(actor, _audit, null, $"材料 {evidence.Id} 尚未归入任何任务（如未交办的来文），您只能查看本处室任务的材料。");
        if (!linked.Any(t => reading.MayRead(actor, t)))
            Access.Demand(actor, Permission.ReadTask, _audit, linked.FirstOrDefault());
        return evidence;
    }

    /// <summary>May <paramref name="actor"/> change this evidence? Only where every task it is filed in allows it.</summary>
    public bool MayChange(Evidence evidence, Actor actor) =>
        TasksOf(evidence).All(t => Access.Allows(actor, Permission.FileEvidence, t));

    private List<KeyTask> TasksOf(Evidence evidence) =>
        evidence.Links.Select(l => store.Tasks.FindById(l.TaskId)).OfType<KeyTask>().ToList();

    private void DemandChange(Evidence evidence, Actor actor)
    {
        foreach (var task in TasksOf(evidence)) Access.Demand(actor, Permission.FileEvidence, _audit, task);
    }

    /// <summary>
    /// Removing needs more than filing: a cooperating department removes only what its own user uploaded; the lead
    /// department (and the office) remove any of the task's evidence.
    /// </summary>
    private void DemandRemoval(Evidence evidence, Actor actor)
    {
        foreach (var task in TasksOf(evidence))
        {
            if (Access.Allows(actor, Permission.EditTask, task)) continue;
            if (UploadedBy(evidence, actor) && Access.Allows(actor, Permission.FileEvidence, task)) continue;
            Access.Demand(actor, Permission.FileEvidence, _audit, task); // not concerned at all: the usual refusal
            _audit.Record(actor.Name, "access.denied", $"任务 {task.Code}", "配合处室无权删除他人上传的佐证材料");
            throw new AccessDeniedException($"配合处室只能删除本人上传的佐证材料：“{evidence.Title}”由 {evidence.AddedBy} 上传，" +
                $"请联系任务“{task.Code}”的牵头处室。");
        }
    }

    /// <summary>
    /// Whether the actor uploaded the evidence: by sign-in name, which is unique; records older than it by display name.
    /// </summary>
    private static bool UploadedBy(Evidence evidence, Actor actor) => evidence.AddedByAccount.Length > 0
        ? string.Equals(evidence.AddedByAccount, actor.Account, StringComparison.OrdinalIgnoreCase)
        : evidence.AddedBy == actor.Name;

    public Stream OpenOriginal(Evidence evidence) => blobs.OpenRead(evidence.Sha256);

    public string TextOf(Evidence evidence) => blobs.ReadText(evidence.Sha256);

    /// <summary>How much of a text a page shows (the rest is in the original, which can be downloaded).</summary>
    public const int ShownTextLength = 200_000;

    /// <summary>The start of the evidence's text a page shows: at most <see cref="ShownTextLength"/> characters.</summary>
    public string ShownTextOf(Evidence evidence) => blobs.ReadTextStart(evidence.Sha256, ShownTextLength);

    public SearchResult Search(SearchQuery query) => index.Search(query);

    /// <summary>
    /// A search as <paramref name="actor"/> may see it: where department users read only their own departments' tasks
    /// (<see cref="LuoshiOptions.DepartmentUsersReadAll"/> off), they find only evidence filed in tasks their department
    /// leads or works on, and the totals and facet counts are theirs too.
    /// </summary>
    public SearchResult Search(SearchQuery query, Actor actor) =>
        index.Search(reading.ReadableCodes(actor) is { } codes ? query with { WithinTasks = codes } : query);

    /// <summary>
    /// Adds one file to the dossiers of <paramref name="taskCodes"/>. The same content added again is recognised by its
    /// SHA-256 and linked, not stored twice. Bad input throws <see cref="DomainRuleException"/> (or
    /// <see cref="ExtractionException"/>) with a Chinese message and leaves the store as it was.
    /// </summary>
    public Task<IntakeResult> AddAsync(Stream content, string originalFileName, IReadOnlyList<string> taskCodes,
        EvidenceDetails? details, Actor actor, CancellationToken cancellationToken = default)
    {
        var taskList = ResolveTasks(taskCodes);
        foreach (var task in taskList) Access.Demand(actor, Permission.FileEvidence, _audit, task);
        return IntakeOneAsync(content, originalFileName, taskList, details, actor, cancellationToken);
    }

    /// <summary>
    /// Files a received document (来文来件) before it belongs to any task: stored and searchable like evidence, filed
    /// into tasks' dossiers when it is assigned (<see cref="FileInto"/>). The office's work.
    /// </summary>
    public Task<IntakeResult> AddReceivedAsync(Stream content, string originalFileName, EvidenceDetails details, Actor actor,
        CancellationToken cancellationToken = default)
    {
        Access.Demand(actor, Permission.Supervise, _audit);
        return IntakeOneAsync(content, originalFileName, [], details, actor, cancellationToken);
    }

    /// <summary>Corrects the metadata of a piece of evidence; the index follows.</summary>
    public Evidence UpdateDetails(int id, EvidenceDetails details, Actor actor)
    {
        Evidence evidence;
        lock (_write)
        {
            evidence = Find(id) ?? throw new DomainRuleException("该佐证材料不存在。");
            DemandChange(evidence, actor);
            CheckKind(details.Kind);
            if (details.Title is { } title && string.IsNullOrWhiteSpace(title)) throw new DomainRuleException("题名不能为空。");
            if (details.Retention is { Length: > 0 } retention && !Dossiers.Retention.Codes.Contains(retention))
                throw new DomainRuleException($"保管期限“{retention}”无效：应为永久（Y）、定期30年（D30）或定期10年（D10）。");
            evidence.Kind = details.Kind ?? evidence.Kind;
            evidence.Title = details.Title?.Trim() ?? evidence.Title;
            evidence.Number = details.Number is { } n ? DocumentNumbers.Normalise(n) ?? n.Trim() : evidence.Number;
            evidence.Date = details.Date ?? evidence.Date;
            var before = $"{evidence.Kind}|{evidence.Title}|{evidence.Number}|{evidence.Date:yyyy-MM-dd}|{evidence.Author}|{evidence.Retention}";
            evidence.Author = details.Author?.Trim() ?? evidence.Author;
            evidence.Retention = details.Retention ?? evidence.Retention;
            Save(evidence);
            _audit.Record(actor.Name, "evidence.updated", $"材料 {evidence.Id}",
                $"{before} → {evidence.Kind}|{evidence.Title}|{evidence.Number}|{evidence.Date:yyyy-MM-dd}|{evidence.Author}|{evidence.Retention}");
        }
        indexing.Reindex(evidence, blobs.ReadText(evidence.Sha256));
        return evidence;
    }

    /// <summary>Files existing evidence into one more task's dossier (e.g. minutes concerning several tasks).</summary>
    public Evidence FileInto(int evidenceId, string taskCode, Actor actor)
    {
        var task = ResolveTasks([taskCode])[0];
        Access.Demand(actor, Permission.FileEvidence, _audit, task);
        Evidence evidence;
        lock (_write)
        {
            evidence = Find(evidenceId) ?? throw new DomainRuleException("该佐证材料不存在。");
            if (evidence.IsRemoved) throw new DomainRuleException("该佐证材料已删除，请先恢复。");
            if (evidence.IsFiledIn(task.Id)) return evidence;
            evidence.Links.Add(Link(task.Id, actor));
            Save(evidence);
            _audit.Record(actor.Name, "evidence.filed", $"材料 {evidence.Id}", $"归入 {task.Code}");
        }
        indexing.Reindex(evidence, blobs.ReadText(evidence.Sha256));
        return evidence;
    }

    /// <summary>
    /// Removes evidence from every dossier and from search, with a reason (a soft delete: the file, its text and its
    /// metadata stay in the store, and an administrator can <see cref="Restore"/> it).
    /// </summary>
    public Evidence Remove(int id, string reason, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请写明删除原因。");
        if (reason.Trim().Length > 500) throw new DomainRuleException("删除原因不能超过500字。");
        Evidence evidence;
        lock (_write)
        {
            evidence = Find(id) ?? throw new DomainRuleException("该佐证材料不存在。");
            if (evidence.IsRemoved) return evidence;
            DemandRemoval(evidence, actor);
            evidence.Removal = new EvidenceRemoval { At = clock.GetUtcNow().UtcDateTime, By = actor.Name, Reason = reason.Trim() };
            Save(evidence);
            _audit.Record(actor.Name, "evidence.removed", $"材料 {evidence.Id}", $"{evidence.Title}（{evidence.OriginalFileName}）；原因：{reason.Trim()}");
        }
        indexing.Remove(evidence);
        return evidence;
    }

    /// <summary>
    /// Keeps the page count of a file that did not state its own (<see cref="PageCounting"/>); false when the
    /// evidence is gone or has one already.
    /// </summary>
    public bool RecordPageCount(int id, int pages)
    {
        Evidence? evidence;
        lock (_write)
        {
            evidence = Find(id);
            if (evidence is null || evidence.PageCount is not null) return false;
            evidence.PageCount = pages;
            Save(evidence);
        }
        indexing.Reindex(evidence, blobs.ReadText(evidence.Sha256));
        return true;
    }

    /// <summary>Puts removed evidence back into its dossiers and into search (administrators only).</summary>
    public Evidence Restore(int id, Actor actor)
    {
        Access.Demand(actor, Permission.RestoreEvidence, _audit);
        Evidence evidence;
        lock (_write)
        {
            evidence = Find(id) ?? throw new DomainRuleException("该佐证材料不存在。");
            if (evidence.Removal is not { } removal) return evidence;
            evidence.Removal = null;
            Save(evidence);
            _audit.Record(actor.Name, "evidence.restored", $"材料 {evidence.Id}",
                $"{evidence.Title}（{removal.By} 于 {removal.At:yyyy-MM-dd HH:mm} 删除，原因：{removal.Reason}）");
        }
        indexing.Reindex(evidence, blobs.ReadText(evidence.Sha256));
        return evidence;
    }

    /// <summary>
    /// Makes the index hold exactly the evidence in the store (the index is derived data): from the mark its last
    /// commit recorded, reading only what changed since (nothing on an unchanged store); by comparing every id when
    /// there is no mark (a new or older index). Returns how many pieces of evidence it touched.
    /// </summary>
    public int BringIndexUpToDate(IProgress<(int Done, int Total)>? progress = null) => indexing.CatchUp(progress);

    /// <summary>Rebuilds the index from the store and the stored texts.</summary>
    public int Reindex(IProgress<(int Done, int Total)>? progress = null) => indexing.Rebuild(progress);

    /// <summary>Writes a piece of evidence, then tells the store's evidence caches (the task list's counts) it changed.</summary>
    private void Save(Evidence evidence, bool isNew = false)
    {
        evidence.Revision = indexing.NextRevision();
        if (isNew) store.Evidence.Insert(evidence);
        else store.Evidence.Update(evidence);
        store.EvidenceChanged();
    }

    private List<KeyTask> ResolveTasks(IReadOnlyList<string> codes)
    {
        if (codes.Count == 0) throw new DomainRuleException("请指定佐证材料所属的任务。");
        return codes.Select(c => tasks.Find(c) ?? throw new DomainRuleException($"任务“{c}”不存在。"))
            .DistinctBy(t => t.Id).ToList();
    }

    private EvidenceLink Link(int taskId, Actor actor) =>
        new() { TaskId = taskId, LinkedAt = clock.GetUtcNow().UtcDateTime, LinkedBy = actor.Name };

    private static string Pick(string? given, string? proposed, string fallback) =>
        !string.IsNullOrWhiteSpace(given) ? given.Trim() : !string.IsNullOrWhiteSpace(proposed) ? proposed.Trim() : fallback;

    /// <summary>
    /// Keeps only the last path segment of a client-supplied name: it is shown and used as a download name, never as a
    /// path. Control characters and the bidirectional overrides are dropped: "报告\u202Excod.exe" would show as
    /// "报告exe.docx" while being an .exe.
    /// </summary>
    internal static string SafeFileName(string name)
    {
        var last = name.Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0) ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && !IsBidiControl(c)).ToArray()).Trim();
        if (clean is "" or "." or "..") throw new DomainRuleException("文件名无效。");
        return clean.Length > 200 ? clean[..100] + "…" + clean[^60..] : clean;
    }

    /// <summary>A posted kind=99 binds to a value no kind has: refused, never stored.</summary>
    private static void CheckKind(EvidenceKind? kind)
    {
        if (kind is { } k && !Enum.IsDefined(k)) throw new DomainRuleException("材料类别无效：请从列表中选择。");
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
