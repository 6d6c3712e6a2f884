namespace LuoshiArchive.Core.Audit;

/// <summary>
/// One line of the audit trail: who did what to what, when, with the details (before/after). Entries are chained:
/// each carries the hash of the one before, so an edited or deleted entry is detected by <see cref="AuditLog.Verify"/>.
/// </summary>
public sealed class AuditEntry
{
    public int Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public string Who { get; set; } = "";
    /// <summary>A stable action name, e.g. "task.adjusted", "evidence.added", "signin.failed".</summary>
    public string Action { get; set; } = "";
    /// <summary>What it was done to, e.g. "task 2018-001", "evidence 12".</summary>
    public string Subject { get; set; } = "";
    public string Details { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
