namespace LuoshiArchive.Core;

/// <summary>
/// Every setting of LuoshiArchive in one place; the web app binds it from configuration (section "Luoshi") and the
/// CLI from its options, so both open the same store the same way.
/// </summary>
public sealed class LuoshiOptions
{
    public const string Section = "Luoshi";
    public const string StorageEnvironmentVariable = "LUOSHI_STORAGE";

    /// <summary>
    /// The data folder: embedded database file, lock file, later blobs and index. Chosen by <c>--storage DIR</c>, else the
    /// <c>LUOSHI_STORAGE</c> environment variable, else <c>./storage</c> (see <see cref="ResolveStoragePath"/>).
    /// </summary>
    public string StoragePath { get; set; } = "storage";

    /// <summary>
    /// A PostgreSQL connection string: the records live there, shared by several web nodes and the CLI, while blobs and
    /// texts stay in <see cref="StoragePath"/> (a folder every node mounts). Empty: the embedded store in the storage
    /// folder. Set by <c>Luoshi:Database</c> (environment <c>Luoshi__Database</c>) or the CLI's <c>--database CONN</c>.
    /// </summary>
    public string Database { get; set; } = "";

    /// <summary>
    /// The search index folder (<c>Luoshi:IndexPath</c>, environment <c>Luoshi__IndexPath</c>); empty:
    /// <c>&lt;storage&gt;/index</c>. Web nodes that share the storage folder each keep their own index folder.
    /// </summary>
    public string IndexPath { get; set; } = "";

    /// <summary>The index folder in effect (<see cref="IndexPath"/>, else <c>index</c> in the storage folder).</summary>
    public string IndexFolder => string.IsNullOrWhiteSpace(IndexPath) ? Path.Combine(StoragePath, "index") : Path.GetFullPath(IndexPath);

    /// <summary>
    /// The audit key file (<c>Luoshi:AuditKeyPath</c>, environment <c>Luoshi__AuditKeyPath</c>): 32 random bytes
    /// that key the audit chain's hashes. Empty: <c>&lt;storage folder&gt;.audit-key</c> beside the storage folder. Never inside
    /// the storage folder (its backups would carry it); back it up separately. Every node needs the same file.
    /// </summary>
    public string AuditKeyPath { get; set; } = "";

    /// <summary>The audit key file in effect (<see cref="AuditKeyPath"/>, else beside the storage folder).</summary>
    public string AuditKeyFile => Path.GetFullPath(string.IsNullOrWhiteSpace(AuditKeyPath)
        ? Path.GetFullPath(StoragePath).TrimEnd(Path.DirectorySeparatorChar) + ".audit-key"
        : AuditKeyPath);

    /// <summary>Whether the records live in PostgreSQL (<see cref="Database"/> is set).</summary>
    public bool OnPostgres => !string.IsNullOrWhiteSpace(Database);

    /// <summary>Folder of the official-document templates (<c>templates/</c> in the repository).</summary>
    public string TemplatesPath { get; set; } = "templates";

    /// <summary>Full name of the organisation, e.g. "天津市教育委员会".</summary>
    public string OrganisationName { get; set; } = "天津市教育委员会";

    /// <summary>全宗号: the archive's number for this organisation, the first part of every 档号 (DA/T 22-2015).</summary>
    public string FondsNumber { get; set; } = "0000";

    /// <summary>Largest accepted upload in bytes (XLSX imports now, evidence later).</summary>
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Largest annual bundle an administrator may upload on the import page (a year's archive is large).
    /// </summary>
    public long MaxBundleUploadBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Whether department users may read other departments' tasks and dossiers (they edit only their own).</summary>
    public bool DepartmentUsersReadAll { get; set; } = true;

    /// <summary>Requests one API token may make per minute (<c>/api/v1</c>); past it the API answers 429.</summary>
    public int ApiRequestsPerMinute { get; set; } = 120;

    /// <summary>How long LibreOffice may take to make one PDF rendition (issuing, the API's format=pdf).</summary>
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromMinutes(2); // as the converters' own default

    /// <summary>
    /// Sign-in attempts one client address may post per minute; past it 429. Counts every attempt, right or wrong, so
    /// an office behind one address needs room for its morning.
    /// </summary>
    public int SignInPostsPerMinute { get; set; } = 30;

    /// <summary>
    /// The first day the commission kept its meetings in LuoshiArchive: the meeting cadence check counts months, quarters
    /// and weeks from there (earlier ones are not gaps). Unset: the earliest day a task was put on a list.
    /// </summary>
    public DateOnly? MeetingCadenceFrom { get; set; }
    /// <summary>
    /// The mail relay for notices (<c>Luoshi:Smtp:Host</c>, <c>Port</c>, <c>UseTls</c>, <c>User</c>, <c>Password</c>,
    /// <c>From</c>).
    /// </summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The address people open the app at, for links in e-mails, e.g. https://luoshi.example.gov.cn.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>Local time of day from which the web app queues the day's 催办 digests.</summary>
    public TimeSpan DigestTime { get; set; } = new(7, 30, 0);

    /// <summary>How often the web app's notification job looks for new 督办单 and documents and sends mail.</summary>
    public TimeSpan NotifyInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public const string DatabaseEnvironmentVariable = "Luoshi__Database";

    /// <summary>The database precedence: command line, then the <c>Luoshi__Database</c> environment variable, else none.</summary>
    public static string ResolveDatabase(string? fromCommandLine, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return !string.IsNullOrWhiteSpace(fromCommandLine) ? fromCommandLine.Trim()
            : environment(DatabaseEnvironmentVariable)?.Trim() ?? "";
    }

    /// <summary>Applies the storage-path precedence: command line, then environment, then <c>./storage</c>.</summary>
    public static string ResolveStoragePath(string? fromCommandLine, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var chosen = !string.IsNullOrWhiteSpace(fromCommandLine) ? fromCommandLine
            : environment(StorageEnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv
            : "storage";
        return Path.GetFullPath(chosen);
    }
}
