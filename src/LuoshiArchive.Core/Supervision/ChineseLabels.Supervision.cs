using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Core;

// The labels of Supervision' enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
{
    private static readonly Dictionary<SelfRating, string> SelfRatings = new()
    {
        [SelfRating.Good] = "好",
        [SelfRating.FairlyGood] = "较好",
        [SelfRating.Average] = "一般",
        [SelfRating.Poor] = "差",
    };

    private static readonly Dictionary<SupervisionOrderState, string> OrderStates = new()
    {
        [SupervisionOrderState.Open] = "待回复",
        [SupervisionOrderState.Answered] = "已回复",
        [SupervisionOrderState.Overdue] = "已逾期",
        [SupervisionOrderState.Withdrawn] = "已撤回",
    };

    private static readonly Dictionary<ReminderKind, string> ReminderKinds = new()
    {
        [ReminderKind.Milestone] = "时间节点",
        [ReminderKind.Order] = "督办单",
        [ReminderKind.Deadline] = "完成时限",
        [ReminderKind.Incoming] = "来文办结时限",
    };

    private static readonly Dictionary<ReconciliationFlagKind, string> ReconciliationFlags = new()
    {
        [ReconciliationFlagKind.NoProgress] = "本期无进展",
        [ReconciliationFlagKind.MilestoneMissed] = "节点未按期完成",
        [ReconciliationFlagKind.EvidenceMissing] = "缺佐证材料",
    };

    public static string Of(SelfRating value) => SelfRatings[value];
    public static string Of(SupervisionOrderState value) => OrderStates[value];
    public static string Of(ReminderKind value) => ReminderKinds[value];
    public static string Of(ReconciliationFlagKind value) => ReconciliationFlags[value];
}
