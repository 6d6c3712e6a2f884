using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Audit;

/// <summary>The records the audit trail keeps.</summary>
public interface IAuditStore : IUnitOfWork
{
    /// <summary>The hash-chained entries, appended in id order, ids without gaps.</summary>
    IRecords<AuditEntry> Audit { get; }

    /// <summary>
    /// Entries recorded (with the change they record) and not chained yet: <see cref="AuditLog.Seal"/> moves them into
    /// <see cref="Audit"/> once their transaction has committed. Empty but for an instant, or after a crash.
    /// </summary>
    IRecords<AuditEntry> AuditPending { get; }
}
