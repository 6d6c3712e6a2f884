using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Audit;

/// <summary>The records the audit trail keeps.</summary>
public interface IAuditStore : IUnitOfWork
{
    /// <summary>The hash-chained entries, appended in id order.</summary>
    IRecords<AuditEntry> Audit { get; }
}
