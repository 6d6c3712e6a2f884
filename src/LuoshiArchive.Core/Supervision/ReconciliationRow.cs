using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Supervision;

/// <summary>One task in a reconciliation (对账): where it stands, what the period brought, and what is flagged.</summary>
public sealed record ReconciliationRow(
    KeyTask Task,
    TrafficLight Light,
    string LeadDepartment,
    string SupervisingLeader,
    DateOnly? LastProgress,
    int ProgressInPeriod,
    IReadOnlyList<Milestone> MilestonesDue,
    int EvidenceAdded,
    IReadOnlyList<ReconciliationFlag> Flags)
{
    public bool Has(ReconciliationFlagKind kind) => Flags.Any(f => f.Kind == kind);
}

/// <summary>A flag and what it is about, e.g. (MilestoneMissed, "2018-06-30 完成初稿").</summary>
public sealed record ReconciliationFlag(ReconciliationFlagKind Kind, string Detail)
{
    public override string ToString() => Detail.Length > 0 ? $"{ChineseLabels.Of(Kind)}：{Detail}" : ChineseLabels.Of(Kind);
}
