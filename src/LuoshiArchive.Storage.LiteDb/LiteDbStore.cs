using LiteDB;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Notifications;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>
/// The embedded store: one LiteDB database in direct mode per process, under the storage folder, guarded by a
/// <see cref="StorageLock"/>. Services reach the collections through their folders' store interfaces; nothing else
/// opens the database file.
/// </summary>
public sealed class LiteDbStore : LuoshiStoreBase, ILuoshiStore
{
    public const string DatabaseFileName = "luoshi.db";

    /// <summary>
    /// The shape of the data this build writes. 1: stores written before the version was recorded; 2: the version is
    /// recorded in the "meta" collection; 3: progress entries, self-checks, supervision orders and leader reports, and
    /// milestones carrying their proof (an older build would drop it on its next write); 4: accounts' e-mail address
    /// and notice choices (an older build would drop them), the outbox, 站内消息 and notification runs. Each upgrade
    /// step lives in <see cref="SchemaUpgrades"/>.
    /// </summary>
    public const int SchemaVersion = 4;
    private readonly StorageLock _lock;
    private readonly LiteDatabase _db;

    private LiteDbStore(string storagePath, StorageLock storageLock, LiteDatabase db)
    {
        StoragePath = storagePath;
        _lock = storageLock;
        _db = db;
        Tasks = Collection<KeyTask>("tasks", c => { c.EnsureIndex(t => t.Code, unique: true); c.EnsureIndex(t => t.Year);
            c.EnsureIndex(t => t.ParentId); });
        TaskHistory = Collection<TaskHistoryEntry>("task_history", c => c.EnsureIndex(h => h.TaskId));
        Departments = Collection<Department>("departments", c => c.EnsureIndex(d => d.Name, unique: true));
        People = Collection<Person>("people", c => c.EnsureIndex(p => p.Name));
        Users = Collection<UserAccount>("users", c => c.EnsureIndex(u => u.Name, unique: true));
        ApiTokens = Collection<ApiToken>("api_tokens", c =>
        {
            c.EnsureIndex(t => t.Hash, unique: true);
            c.EnsureIndex(t => t.UserId);
        });
        Evidence = Collection<Evidence>("evidence", c =>
        {
            c.EnsureIndex(e => e.Sha256, unique: true);
            c.EnsureIndex("task", "$.Links[*].TaskId");
            c.EnsureIndex(e => e.RenditionOf);
            c.EnsureIndex(e => e.Revision);
        });
        Meetings = Collection<Meeting>("meetings", c => c.EnsureIndex(m => m.Date));
        Audit = Collection<AuditEntry>("audit", _ => { });
        AuditPending = Collection<AuditEntry>("audit_pending", _ => { });
        Documents = Collection<OfficialDocument>("documents", _ => { });
        DocumentNumbers = Collection<NumberAllocation>("document_numbers", c =>
        {
            c.EnsureIndex(n => n.Number, unique: true);
            c.EnsureIndex(n => n.DocumentId);
        });
        Progress = Collection<ProgressEntry>("progress", c => c.EnsureIndex(e => e.TaskId));
        SelfChecks = Collection<SelfCheck>("self_checks", c => c.EnsureIndex(s => s.Key, unique: true));
        SupervisionOrders = Collection<SupervisionOrder>("supervision_orders", c => c.EnsureIndex(o => o.TaskId));
        LeaderReports = Collection<LeaderReport>("leader_reports", c => c.EnsureIndex(r => r.Key, unique: true));
        Reconciliations = Collection<ClosedReconciliation>("reconciliations",
            c => c.EnsureIndex(r => r.Key, unique: true));
        ScoringSchemes = Collection<ScoringScheme>("scoring_schemes", c => c.EnsureIndex(s => s.Year));
        ResultRatings = Collection<ResultRating>("result_ratings", c => c.EnsureIndex(r => r.TaskId, unique: true));
        ScoreAdjustments = Collection<ScoreAdjustment>("score_adjustments", c => c.EnsureIndex(a => a.Year));
        Accountability = Collection<AccountabilityEntry>("accountability", c => c.EnsureIndex(a => a.Year));
        AssessmentClosures = Collection<AssessmentResult>("assessment_closures", _ => { });
        ArchiveSettings = Collection<ArchiveSettingsRecord>("archive_settings", _ => { });
        Outbox = Collection<OutboxMessage>("outbox", c =>
        {
            c.EnsureIndex(m => m.Key, unique: true);
            c.EnsureIndex(m => m.State);
        });
        Inbox = Collection<InAppMessage>("inbox", c =>
        {
            c.EnsureIndex(m => m.Key, unique: true);
            c.EnsureIndex(m => m.UserId);
        });
        NotificationRuns = Collection<NotificationRun>("notification_runs",
            c => c.EnsureIndex(r => r.Name, unique: true));
        IncomingItems = Collection<IncomingItem>("incoming_items", c => c.EnsureIndex(i => i.Year));
        PublicTasks = Collection<Core.PublicProgress.PublicTask>("public_tasks",
            c => c.EnsureIndex(p => p.TaskId, unique: true));
        DisclosureSettings = Collection<Core.PublicProgress.DisclosureSettings>("disclosure_settings", _ => { });
    }

    /// <summary>
    /// A collection opened on first use: its type's mapping built and its indexes ensured then, so that a command
    /// that reads two collections does not pay for thirty (start-up, issue 24). A new or upgraded store opens them
    /// all at once (<see cref="OpenEveryCollection"/>), so that its indexes are made before any transaction.
    /// </summary>
    private LiteRecords<T> Collection<T>(string name, Action<ILiteCollection<T>> indexes) where T : class
    {
        var records = new LiteRecords<T>(_db.Mapper, _opening, () =>
        {
            var collection = _db.GetCollection<T>(name);
            indexes(collection);
            return collection;
        });
        _collections.Add(records);
        return records;
    }

    private readonly List<ILazyCollection> _collections = [];
    private readonly object _opening = new(); // one collection opens at a time (LiteRecords)

    internal void OpenEveryCollection()
    {
        foreach (var collection in _collections) collection.Open();
    }

    public string StoragePath { get; }
    int IBackupSource.SchemaVersion => SchemaVersion;
    public string SnapshotName => DatabaseFileName;

    // Build the expression with its parameter: Find(string, int) would bind the id to "skip".
    public IEnumerable<Evidence> FindLinkedTo(int taskId) =>
        EvidenceCollection.Find(BsonExpression.Create("$.Links[*].TaskId ANY = @0", taskId));

    private readonly Dictionary<string, (string Holder, DateTime Until)> _leases = [];

    /// <summary>One process uses the file: its leases live in memory.</summary>
    public bool TryTake(string name, string holder, TimeSpan duration)
    {
        lock (_leases)
        {
            if (_leases.TryGetValue(name, out var held) && held.Holder != holder && held.Until > DateTime.UtcNow) return false;
            _leases[name] = (holder, DateTime.UtcNow + duration);
            return true;
        }
    }

    public void Release(string name, string holder)
    {
        lock (_leases)
            if (_leases.TryGetValue(name, out var held) && held.Holder == holder) _leases.Remove(name);
    }

    /// <summary>
    /// The evidence written after revision <paramref name="cursor"/>; the next cursor is the highest revision read.
    /// One process writes the file, one write at a time, so a revision is committed before any higher one.
    /// </summary>
    public EvidenceChanges EvidenceChangesSince(long cursor)
    {
        var changed = EvidenceCollection.Find(e => e.Revision > cursor).Select(e => (e.Id, e.Revision)).ToList();
        return changed.Count == 0
            ? EvidenceChanges.None(cursor)
            : new EvidenceChanges(changed.OrderBy(c => c.Revision).Select(c => c.Id).ToList(),
                changed.Max(c => c.Revision));
    }

    /// <summary>One process uses the file.</summary>
    public bool IsShared => false;

    /// <summary>The highest evidence revision stored, read through its index.</summary>
    public long EvidenceChangeCursor() =>
        EvidenceCollection.Query().OrderByDescending(e => e.Revision).Limit(1).FirstOrDefault()?.Revision ?? 0;

    private ILiteCollection<Evidence> EvidenceCollection => ((LiteRecords<Evidence>)Evidence).Collection;


    /// <summary>
    /// Inside a transaction: waits for, and holds until the outermost transaction ends, this process's gate named
    /// <paramref name="resource"/> (one process writes a LiteDB file, so a gate in memory serialises every writer).
    /// A transaction's reads see only what was committed before it: without the gate, two writers would both read the
    /// same "highest" and chain or number from it.
    /// </summary>
    public void LockForWrite(string resource)
    {
        if (_transactionDepth == 0) return;
        var gate = _gates.GetOrAdd(resource, _ => new SemaphoreSlim(1, 1));
        _held ??= [];
        if (_held.Contains(gate)) return;
        gate.Wait();
        _held.Add(gate);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _gates = new();
    [ThreadStatic] private static List<SemaphoreSlim>? _held;

    private static void ReleaseGates()
    {
        if (_held is null) return;
        foreach (var gate in _held) gate.Release();
        _held.Clear();
    }

    /// <summary>Opens (creating if needed) the store in <paramref name="storagePath"/>.</summary>
    /// <param name="storagePath">The storage folder; created if missing.</param>
    /// <param name="ownerDescription">Shown to a second process that tries to open the same folder, e.g. "luoshi-web".</param>
    /// <exception cref="StorageInUseException">Another process has the folder open.</exception>
    public static LiteDbStore Open(string storagePath, string ownerDescription)
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
            var store = new LiteDbStore(fullPath, storageLock, db);
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
        List<Action>? afterCommit;
        T result;
        try
        {
            result = work();
            _db.Commit();
            EvidenceChanged(); // a change made inside the transaction was announced before it was visible
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        finally
        {
            _transactionDepth = 0;
            ReleaseGates();
            (afterCommit, _afterCommit) = (_afterCommit, null);
        }
        foreach (var action in afterCommit ?? []) action();
        return result;
    }

    [ThreadStatic] private static int _transactionDepth;
    [ThreadStatic] private static List<Action>? _afterCommit;

    public void AfterCommit(Action action)
    {
        if (_transactionDepth == 0) action();
        else if (!(_afterCommit ??= []).Contains(action)) _afterCommit.Add(action);
    }

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
        // Computed properties are not stored. Named here rather than with Entity<T>().Ignore(…), which builds each
        // type's mapping at once: a type's mapping is built when its collection is first used.
        mapper.ResolveMember = (type, member, mapping) =>
        {
            if (NotStored.Contains((type, member.Name))) mapping.FieldName = null;
        };
        return mapper;
    }

    private static readonly HashSet<(Type, string)> NotStored =
    [
        (typeof(KeyTask), nameof(KeyTask.IsComplete)), (typeof(Adjustment), nameof(Adjustment.ChangesAnything)),
        (typeof(Meeting), nameof(Meeting.TaskIds)),
        (typeof(Core.Dossiers.Evidence), nameof(Core.Dossiers.Evidence.IsRemoved)),
        (typeof(Milestone), nameof(Milestone.AwaitsEvidence)), (typeof(Milestone), nameof(Milestone.WasDoneLate)),
        (typeof(SupervisionOrder), nameof(SupervisionOrder.AnsweredLate)),
    ];

    public void WriteSnapshot(string file) => Snapshot.Write(_db, file);

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }
}
