using LiteDB;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Storage;

/// <summary>
/// The embedded store: one LiteDB database in direct mode per process, under the storage folder, guarded by a
/// <see cref="StorageLock"/>. Services reach the collections through it; nothing else opens the database file.
/// </summary>
public sealed class LuoshiStore : IDisposable
{
    public const string DatabaseFileName = "luoshi.db";

    /// <summary>
    /// The shape of the data this build writes. 1: stores written before the version was recorded; 2: the version is
    /// recorded in the "meta" collection; 3: progress entries, self-checks, supervision orders and leader reports, and
    /// milestones carrying their proof (an older build would drop it on its next write). Each upgrade step lives in
    /// <see cref="SchemaUpgrades"/>.
    /// </summary>
    public const int SchemaVersion = 3;
    private readonly StorageLock _lock;
    private readonly LiteDatabase _db;

    private LuoshiStore(string storagePath, StorageLock storageLock, LiteDatabase db)
    {
        StoragePath = storagePath;
        _lock = storageLock;
        _db = db;
        Tasks = db.GetCollection<KeyTask>("tasks");
        Tasks.EnsureIndex(t => t.Code, unique: true);
        Tasks.EnsureIndex(t => t.Year);
        TaskHistory = db.GetCollection<TaskHistoryEntry>("task_history");
        TaskHistory.EnsureIndex(h => h.TaskId);
        Departments = db.GetCollection<Department>("departments");
        Departments.EnsureIndex(d => d.Name, unique: true);
        People = db.GetCollection<Person>("people");
        People.EnsureIndex(p => p.Name);
        Users = db.GetCollection<UserAccount>("users");
        Users.EnsureIndex(u => u.Name, unique: true);
        Evidence = db.GetCollection<Evidence>("evidence");
        Evidence.EnsureIndex(e => e.Sha256, unique: true);
        Evidence.EnsureIndex("task", "$.Links[*].TaskId");
        Meetings = db.GetCollection<Meeting>("meetings");
        Meetings.EnsureIndex(m => m.Date);
        Audit = db.GetCollection<Audit.AuditEntry>("audit");
        Documents = db.GetCollection<OfficialDocuments.OfficialDocument>("documents");
        DocumentNumbers = db.GetCollection<OfficialDocuments.NumberAllocation>("document_numbers");
        DocumentNumbers.EnsureIndex(n => n.Number, unique: true);
        DocumentNumbers.EnsureIndex(n => n.DocumentId);
        Progress = db.GetCollection<ProgressEntry>("progress");
        Progress.EnsureIndex(e => e.TaskId);
        SelfChecks = db.GetCollection<SelfCheck>("self_checks");
        SelfChecks.EnsureIndex(s => s.Key, unique: true);
        SupervisionOrders = db.GetCollection<SupervisionOrder>("supervision_orders");
        SupervisionOrders.EnsureIndex(o => o.TaskId);
        LeaderReports = db.GetCollection<LeaderReport>("leader_reports");
        LeaderReports.EnsureIndex(r => r.Key, unique: true);
        ScoringSchemes = db.GetCollection<Assessment.ScoringScheme>("scoring_schemes");
        ScoringSchemes.EnsureIndex(s => s.Year);
        ResultRatings = db.GetCollection<Assessment.ResultRating>("result_ratings");
        ResultRatings.EnsureIndex(r => r.TaskId, unique: true);
        ScoreAdjustments = db.GetCollection<Assessment.ScoreAdjustment>("score_adjustments");
        ScoreAdjustments.EnsureIndex(a => a.Year);
        Accountability = db.GetCollection<Assessment.AccountabilityEntry>("accountability");
        Accountability.EnsureIndex(a => a.Year);
        AssessmentClosures = db.GetCollection<Assessment.AssessmentResult>("assessment_closures");
        ArchiveSettings = db.GetCollection<Archive.ArchiveSettingsRecord>("archive_settings");
    }

    public string StoragePath { get; }
    public ILiteCollection<KeyTask> Tasks { get; }
    public ILiteCollection<TaskHistoryEntry> TaskHistory { get; }
    public ILiteCollection<Department> Departments { get; }
    public ILiteCollection<Person> People { get; }
    public ILiteCollection<UserAccount> Users { get; }
    public ILiteCollection<Evidence> Evidence { get; }
    public ILiteCollection<Meeting> Meetings { get; }
    public ILiteCollection<Audit.AuditEntry> Audit { get; }
    public ILiteCollection<OfficialDocuments.OfficialDocument> Documents { get; }
    public ILiteCollection<OfficialDocuments.NumberAllocation> DocumentNumbers { get; }
    public ILiteCollection<ProgressEntry> Progress { get; }
    public ILiteCollection<SelfCheck> SelfChecks { get; }
    public ILiteCollection<SupervisionOrder> SupervisionOrders { get; }
    public ILiteCollection<LeaderReport> LeaderReports { get; }
    public ILiteCollection<Assessment.ScoringScheme> ScoringSchemes { get; }
    public ILiteCollection<Assessment.ResultRating> ResultRatings { get; }
    public ILiteCollection<Assessment.ScoreAdjustment> ScoreAdjustments { get; }
    public ILiteCollection<Assessment.AccountabilityEntry> Accountability { get; }
    /// <summary>Closed years' results, as computed at closing (id = year).</summary>
    public ILiteCollection<Assessment.AssessmentResult> AssessmentClosures { get; }
    /// <summary>Settings an administrator keeps in the web UI (全宗号), one record with id 1.</summary>
    public ILiteCollection<Archive.ArchiveSettingsRecord> ArchiveSettings { get; }

    /// <summary>Opens (creating if needed) the store in <paramref name="storagePath"/>.</summary>
    /// <param name="storagePath">The storage folder; created if missing.</param>
    /// <param name="ownerDescription">Shown to a second process that tries to open the same folder, e.g. "luoshi-web".</param>
    /// <exception cref="StorageInUseException">Another process has the folder open.</exception>
    public static LuoshiStore Open(string storagePath, string ownerDescription)
    {
        var fullPath = Path.GetFullPath(storagePath);
        var storageLock = StorageLock.Acquire(fullPath, ownerDescription);
        try
        {
            var connection = new ConnectionString
            {
                Filename = Path.Combine(fullPath, DatabaseFileName),
                Connection = ConnectionType.Direct,
            };
            var db = new LiteDatabase(connection, CreateMapper());
            // Refuse a newer build's store before touching it (even creating an index is a change).
            if (SchemaUpgrades.Read(db) > SchemaVersion)
            {
                var version = SchemaUpgrades.Read(db);
                db.Dispose();
                throw new SchemaTooNewException(
                    $"数据目录 {fullPath} 由较新的版本写入（数据版本 {version}，本程序支持到 {SchemaVersion}）。请使用新版程序打开；数据未做任何修改。");
            }
            var store = new LuoshiStore(fullPath, storageLock, db);
            try
            {
                SchemaUpgrades.Apply(store);
            }
            catch
            {
                store.Dispose();
                throw;
            }
            return store;
        }
        catch
        {
            storageLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one LiteDB transaction. LiteDB binds a transaction to its thread, so the work
    /// must be synchronous (never await inside it). Nested calls join the outermost transaction: only it commits, and a
    /// failure anywhere rolls everything back.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        if (_transactionDepth > 0)
        {
            _transactionDepth++;
            try { return work(); }
            finally { _transactionDepth--; }
        }
        _db.BeginTrans();
        _transactionDepth = 1;
        try
        {
            var result = work();
            _db.Commit();
            EvidenceChanged(); // a change made inside the transaction was announced before it was visible
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        finally
        {
            _transactionDepth = 0;
        }
    }

    [ThreadStatic] private static int _transactionDepth;

    private long _evidenceVersion;

    /// <summary>Changes whenever evidence is written (and after every transaction): what caches of evidence key on.</summary>
    public long EvidenceVersion => Interlocked.Read(ref _evidenceVersion);

    /// <summary>Call after writing evidence, once the write is committed.</summary>
    public void EvidenceChanged() => Interlocked.Increment(ref _evidenceVersion);

    public void InTransaction(Action work) => InTransaction(() => { work(); return 0; });

    /// <summary>The raw database, for the schema upgrades and the backup snapshot only; services use the typed collections.</summary>
    internal LiteDatabase Database => _db;

    private static BsonMapper CreateMapper()
    {
        // LiteDB turns "" into null by default; our strings are never null.
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false };
        mapper.RegisterType<DateOnly>(
            d => new BsonValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        mapper.Entity<KeyTask>().Ignore(t => t.IsComplete);
        mapper.Entity<Adjustment>().Ignore(a => a.ChangesAnything);
        mapper.Entity<Meeting>().Ignore(m => m.TaskIds);
        mapper.Entity<Dossiers.Evidence>().Ignore(e => e.IsRemoved);
        mapper.Entity<Milestone>().Ignore(m => m.AwaitsEvidence).Ignore(m => m.WasDoneLate);
        mapper.Entity<SupervisionOrder>().Ignore(o => o.AnsweredLate);
        return mapper;
    }

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }
}
