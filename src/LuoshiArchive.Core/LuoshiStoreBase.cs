using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Notifications;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core;

/// <summary>
/// The records of every domain folder and what every engine computes the same way over them, so an engine implements
/// only how records are kept: the task list's evidence counts, a dossier membership check, a department's name, and
/// the evidence version that the counts are cached under.
/// </summary>
public abstract class LuoshiStoreBase
{
    private long _evidenceVersion;

    // The records of every domain folder; each engine's constructor sets them to its collections or tables.
    public IRecords<KeyTask> Tasks { get; protected init; } = null!;
    public IRecords<TaskHistoryEntry> TaskHistory { get; protected init; } = null!;
    public IRecords<Department> Departments { get; protected init; } = null!;
    public IRecords<Person> People { get; protected init; } = null!;
    public IRecords<UserAccount> Users { get; protected init; } = null!;
    public IRecords<ApiToken> ApiTokens { get; protected init; } = null!;
    public IRecords<Evidence> Evidence { get; protected init; } = null!;
    public IRecords<Meeting> Meetings { get; protected init; } = null!;
    public IRecords<AuditEntry> Audit { get; protected init; } = null!;
    public IRecords<AuditEntry> AuditPending { get; protected init; } = null!;
    public IRecords<OfficialDocument> Documents { get; protected init; } = null!;
    public IRecords<NumberAllocation> DocumentNumbers { get; protected init; } = null!;
    public IRecords<ProgressEntry> Progress { get; protected init; } = null!;
    public IRecords<SelfCheck> SelfChecks { get; protected init; } = null!;
    public IRecords<SupervisionOrder> SupervisionOrders { get; protected init; } = null!;
    public IRecords<LeaderReport> LeaderReports { get; protected init; } = null!;
    public IRecords<ClosedReconciliation> Reconciliations { get; protected init; } = null!;
    public IRecords<ScoringScheme> ScoringSchemes { get; protected init; } = null!;
    public IRecords<ResultRating> ResultRatings { get; protected init; } = null!;
    public IRecords<ScoreAdjustment> ScoreAdjustments { get; protected init; } = null!;
    public IRecords<AccountabilityEntry> Accountability { get; protected init; } = null!;
    public IRecords<AssessmentResult> AssessmentClosures { get; protected init; } = null!;
    public IRecords<ArchiveSettingsRecord> ArchiveSettings { get; protected init; } = null!;
    public IRecords<OutboxMessage> Outbox { get; protected init; } = null!;
    public IRecords<InAppMessage> Inbox { get; protected init; } = null!;
    public IRecords<NotificationRun> NotificationRuns { get; protected init; } = null!;
    public IRecords<Incoming.IncomingItem> IncomingItems { get; protected init; } = null!;
    public IRecords<PublicProgress.PublicTask> PublicTasks { get; protected init; } = null!;
    public IRecords<PublicProgress.DisclosureSettings> DisclosureSettings { get; protected init; } = null!;

    /// <summary>Pieces of evidence in each task's dossier (removed ones and renditions left out), by task id.</summary>
    public Dictionary<int, int> CountEvidenceByTask() =>
        EvidenceLinks.CountByTask(Evidence.Find(e => e.Removal == null && e.RenditionOf == null));

    public bool IsEvidenceFiledIn(int evidenceId, int taskId) =>
        EvidenceLinks.IsFiledIn(Evidence.FindById(evidenceId), taskId);

    public string? DepartmentName(int departmentId) => Departments.FindById(departmentId)?.Name;

    public string? LeaderName(int personId) =>
        People.FindById(personId) is { Role: PersonRole.SupervisingLeader } leader ? leader.Name : null;

    /// <summary>
    /// Changes whenever evidence is written by this process, after every transaction, and when this process learns
    /// of another's evidence change (the index follower): what caches of evidence key on.
    /// </summary>
    public long EvidenceVersion => Interlocked.Read(ref _evidenceVersion);

    /// <summary>Call after writing evidence, once the write is committed.</summary>
    public void EvidenceChanged() => Interlocked.Increment(ref _evidenceVersion);
}
