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
using Npgsql;
using static LuoshiArchive.Storage.Postgres.PgIndex;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>
/// The shared store: the records in a PostgreSQL database, one table per kind of record, while blobs and texts stay in
/// the storage folder (which every web node mounts). Several processes use it at once: there is no storage lock; the
/// places that read the highest and write the next take a PostgreSQL advisory lock (<see cref="LockForWrite"/>).
/// </summary>
public sealed partial class PgStore : LuoshiStoreBase, ILuoshiStore
{
    /// <summary>The shape of the data this build writes; upgrades are steps in <see cref="PgSchema"/>.</summary>
    public const int SchemaVersion = 2;
    public const string SnapshotFileName = "luoshi-postgres.jsonl";

    private readonly NpgsqlDataSource _source;
    private readonly ThreadLocal<Ambient?> _ambient = new();
    private readonly List<PgTable> _tables = [];

    private PgStore(string storagePath, NpgsqlDataSource source, string description)
    {
        StoragePath = storagePath;
        Description = description;
        _source = source;
        Tasks = Table<KeyTask>("tasks", UniqueOn("Code"), On("Year"), On("ParentId"));
        TaskHistory = Table<TaskHistoryEntry>("task_history", On("TaskId"));
        Departments = Table<Department>("departments", UniqueOn("Name"));
        People = Table<Person>("people", On("Name"));
        Users = Table<UserAccount>("users", UniqueOn("Name"));
        ApiTokens = Table<ApiToken>("api_tokens", UniqueOn("Hash"), On("UserId"));
        Evidence = Table<Evidence>("evidence", new PgTable("evidence", UniqueOn("Sha256"), On("RenditionOf"),
            Containing("links", "(doc->'Links')")) { LogsChanges = true });
        Meetings = Table<Meeting>("meetings", On("Date"));
        Audit = Table<AuditEntry>("audit", gapless: true);
        AuditPending = Table<AuditEntry>("audit_pending");
        Documents = Table<OfficialDocument>("documents");
        DocumentNumbers = Table<NumberAllocation>("document_numbers", UniqueOn("Number"), On("DocumentId"));
        Progress = Table<ProgressEntry>("progress", On("TaskId"));
        SelfChecks = Table<SelfCheck>("self_checks", UniqueOn("Key"));
        SupervisionOrders = Table<SupervisionOrder>("supervision_orders", On("TaskId"));
        LeaderReports = Table<LeaderReport>("leader_reports", UniqueOn("Key"));
        Reconciliations = Table<ClosedReconciliation>("reconciliations", UniqueOn("Key"));
        ScoringSchemes = Table<ScoringScheme>("scoring_schemes", On("Year"));
        ResultRatings = Table<ResultRating>("result_ratings", UniqueOn("TaskId"));
        ScoreAdjustments = Table<ScoreAdjustment>("score_adjustments", On("Year"));
        Accountability = Table<AccountabilityEntry>("accountability", On("Year"));
        AssessmentClosures = Table<AssessmentResult>("assessment_closures");
        ArchiveSettings = Table<ArchiveSettingsRecord>("archive_settings");
        Outbox = Table<OutboxMessage>("outbox", UniqueOn("Key"), On("State"));
        Inbox = Table<InAppMessage>("inbox", UniqueOn("Key"), On("UserId"));
        NotificationRuns = Table<NotificationRun>("notification_runs", UniqueOn("Name"));
        IncomingItems = Table<IncomingItem>("incoming_items", On("Year"));
        PublicTasks = Table<Core.PublicProgress.PublicTask>("public_tasks", UniqueOn("TaskId"));
        DisclosureSettings = Table<Core.PublicProgress.DisclosureSettings>("disclosure_settings");
    }

    private PgRecords<T> Table<T>(string name, params PgIndex[] indexes) where T : class =>
        Table<T>(name, false, indexes);

    private PgRecords<T> Table<T>(string name, bool gapless, params PgIndex[] indexes) where T : class =>
        Table<T>(name, new PgTable(name, indexes) { Gapless = gapless });

    private PgRecords<T> Table<T>(string name, PgTable table) where T : class
    {
        _tables.Add(table);
        return new PgRecords<T>(this, table);
    }

    internal IReadOnlyList<PgTable> Tables => _tables;

    public string StoragePath { get; }

    /// <summary>The database as a person names it (host, port, database), without the password.</summary>
    public string Description { get; }
    int IBackupSource.SchemaVersion => SchemaVersion;
    public string SnapshotName => SnapshotFileName;

    public IEnumerable<Evidence> FindLinkedTo(int taskId) =>
        ((PgRecords<Evidence>)Evidence).Select("where doc->'Links' @> @links::jsonb",
            [("links", $"[{{\"TaskId\":{taskId}}}]")]);

    public EvidenceChanges EvidenceChangesSince(long cursor) =>
        Read(connection => PgChangeLog.Since(connection, cursor));

    /// <summary>Web nodes and the CLI write the database at once.</summary>
    public bool IsShared => true;

    public long EvidenceChangeCursor() => Read(PgChangeLog.Boundary);

    /// <summary>Opens the database, creating or upgrading its tables; the storage folder keeps the blobs.</summary>
    /// <exception cref="SchemaTooNewException">A newer build wrote the database.</exception>
    /// <exception cref="DomainRuleException">The connection string cannot be read, or the server cannot be reached.
    /// </exception>
    public static PgStore Open(string connectionString, string storagePath)
    {
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException)
        {
            throw new DomainRuleException("数据库连接串无法识别：应写成 Host=主机;Port=5432;Database=luoshi;" +
                "Username=用户;Password=密码（设置 Luoshi__Database 或 --database）。");
        }
        var source = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            Directory.CreateDirectory(storagePath);
            var store = new PgStore(Path.GetFullPath(storagePath), source, Describe(builder));
            PgSchema.Apply(store, store.Description);
            return store;
        }
        catch (NpgsqlException e)
        {
            source.Dispose();
            throw new DomainRuleException($"无法打开数据库 {Describe(builder)}：{e.Message}。" +
                "请检查数据库服务器是否在运行，以及连接串中的主机、端口、数据库名、用户和密码；数据未做任何修改。");
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>The database as a person names it (host, port, database), without the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";

    public void Dispose()
    {
        _ambient.Dispose();
        _source.Dispose();
    }

    internal NpgsqlConnection OpenConnection() => _source.OpenConnection();
}
