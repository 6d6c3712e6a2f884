using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Core.Supervision;

/// <summary>The records of progress, self-checks and supervision (督查督办).</summary>
public interface ISupervisionStore : Incoming.IIncomingStore
{
    /// <summary>Progress entries (进展).</summary>
    IRecords<ProgressEntry> Progress { get; }

    /// <summary>Monthly self-check forms, unique by department and month.</summary>
    IRecords<SelfCheck> SelfChecks { get; }

    /// <summary>督办单.</summary>
    IRecords<SupervisionOrder> SupervisionOrders { get; }

    /// <summary>Supervising leaders' quarterly reports, unique by leader and quarter.</summary>
    IRecords<LeaderReport> LeaderReports { get; }

    /// <summary>Closed reconciliations (对账), unique by period key.</summary>
    IRecords<ClosedReconciliation> Reconciliations { get; }
}
