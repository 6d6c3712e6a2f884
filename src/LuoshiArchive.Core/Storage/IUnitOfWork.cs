namespace LuoshiArchive.Core.Storage;

/// <summary>
/// Transactions over the store. Every domain store interface extends this, so a service writes several records as
/// one change: all of them or none.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. The work is synchronous (never await inside it): engines bind
    /// a transaction to its thread. Nested calls join the outermost transaction: only it commits, and a failure
    /// anywhere rolls everything back.
    /// </summary>
    T InTransaction<T>(Func<T> work);

    /// <inheritdoc cref="InTransaction{T}(Func{T})"/>
    void InTransaction(Action work);

    /// <summary>
    /// Inside a transaction: waits until no other transaction, in this process or another, holds
    /// <paramref name="resource"/>, and holds it until this transaction ends. Used where "read the highest, write the
    /// next" must be serial (发文字号, task codes, the audit chain). A no-op on an engine with one writer at a time.
    /// </summary>
    void LockForWrite(string resource);

    /// <summary>
    /// Runs <paramref name="action"/> once the outermost transaction of this thread has committed, outside it; at once
    /// when no transaction is open. Dropped when the transaction rolls back.
    /// </summary>
    void AfterCommit(Action action);
}
