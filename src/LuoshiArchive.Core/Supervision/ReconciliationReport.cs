namespace LuoshiArchive.Core.Supervision;

/// <summary>The reconciliation of one month or quarter, as of <see cref="AsOf"/>.</summary>
public sealed record ReconciliationReport(ReportingPeriod Period, DateOnly AsOf, IReadOnlyList<ReconciliationRow> Rows)
{
    public int Flagged(ReconciliationFlagKind kind) => Rows.Count(r => r.Has(kind));

    /// <summary>The period has not ended yet: its figures are provisional.</summary>
    public bool InProgress => AsOf <= Period.To;
}
