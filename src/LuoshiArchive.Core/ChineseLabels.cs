using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core;

/// <summary>
/// The Chinese names of the domain's enumerations, as users read and write them (pages, XLSX one-table, documents).
/// Code and JSON use the English enum names; everything a person reads uses these.
/// </summary>
public static class ChineseLabels
{
    private static readonly Dictionary<TaskListKind, string> ListKinds = new()
    {
        [TaskListKind.Comprehensive] = "全委综合重点任务清单",
        [TaskListKind.Special] = "全委专项重点任务清单",
        [TaskListKind.LeaderLed] = "领导牵头重点任务清单",
        [TaskListKind.MeetingDecided] = "会议议定重点工作清单",
        [TaskListKind.Department] = "处室重点任务清单",
    };

    private static readonly Dictionary<TaskSource, string> Sources = new()
    {
        [TaskSource.Central] = "党中央国务院部署",
        [TaskSource.Municipal] = "市委市政府部署",
        [TaskSource.MunicipalInstruction] = "市领导批示交办",
        [TaskSource.Proposal] = "人大建议政协提案",
        [TaskSource.CommissionMeeting] = "委党组会主任办公会决定",
        [TaskSource.LeaderInstruction] = "委领导批示交办",
    };

    private static readonly Dictionary<KeyTaskStatus, string> Statuses = new()
    {
        [KeyTaskStatus.NotStarted] = "未启动",
        [KeyTaskStatus.InProgress] = "推进中",
        [KeyTaskStatus.Completed] = "已完成",
        [KeyTaskStatus.Cancelled] = "已撤销",
    };

    private static readonly Dictionary<TrafficLight, string> Lights = new()
    {
        [TrafficLight.Green] = "正常",
        [TrafficLight.Yellow] = "预警",
        [TrafficLight.Red] = "逾期",
    };

    private static readonly Dictionary<PersonRole, string> PersonRoles = new()
    {
        [PersonRole.Staff] = "工作人员",
        [PersonRole.Head] = "主要负责人",
        [PersonRole.SupervisingLeader] = "分管委领导",
        [PersonRole.DesignatedClerk] = "专人",
    };

    private static readonly Dictionary<UserRole, string> UserRoles = new()
    {
        [UserRole.Admin] = "办公室管理员",
        [UserRole.OfficeSupervisor] = "督查督办",
        [UserRole.DepartmentUser] = "处室用户",
        [UserRole.Leader] = "委领导",
        [UserRole.Inspector] = "督查组",
    };

    private static readonly Dictionary<EvidenceKind, string> EvidenceKinds = new()
    {
        [EvidenceKind.Policy] = "出台政策",
        [EvidenceKind.OutgoingDocument] = "制发文件",
        [EvidenceKind.Minutes] = "会议纪要",
        [EvidenceKind.ProcessRecord] = "过程资料",
        [EvidenceKind.Instruction] = "批示",
        [EvidenceKind.Report] = "工作报告",
        [EvidenceKind.Other] = "其他",
    };

    private static readonly Dictionary<MeetingKind, string> MeetingKinds = new()
    {
        [MeetingKind.AnnualDeployment] = "年初部署会",
        [MeetingKind.MonthlyPush] = "每月推动会",
        [MeetingKind.QuarterlyDispatch] = "每季度调度会",
        [MeetingKind.Coordination] = "协调推动会",
        [MeetingKind.WeeklyDepartment] = "处室每周例会",
        [MeetingKind.PartyGroup] = "党组会",
        [MeetingKind.DirectorsOffice] = "主任办公会",
        [MeetingKind.Special] = "专题会",
    };

    private static readonly Dictionary<TaskChangeKind, string> ChangeKinds = new()
    {
        [TaskChangeKind.Created] = "新建",
        [TaskChangeKind.Edited] = "修改",
        [TaskChangeKind.Adjusted] = "调整",
        [TaskChangeKind.MilestoneDone] = "节点完成",
        [TaskChangeKind.MilestoneReopened] = "节点撤销完成",
        [TaskChangeKind.Imported] = "导入",
    };

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
    };

    private static readonly Dictionary<ReminderKind, string> ReminderKinds = new()
    {
        [ReminderKind.Milestone] = "时间节点",
        [ReminderKind.Order] = "督办单",
        [ReminderKind.Deadline] = "完成时限",
    };

    private static readonly Dictionary<ReconciliationFlagKind, string> ReconciliationFlags = new()
    {
        [ReconciliationFlagKind.NoProgress] = "本期无进展",
        [ReconciliationFlagKind.MilestoneMissed] = "节点未按期完成",
        [ReconciliationFlagKind.EvidenceMissing] = "缺佐证材料",
    };

    public static string Of(TaskListKind value) => ListKinds[value];
    public static string Of(TaskSource value) => Sources[value];
    public static string Of(KeyTaskStatus value) => Statuses[value];
    public static string Of(TrafficLight value) => Lights[value];
    public static string Of(PersonRole value) => PersonRoles[value];
    public static string Of(UserRole value) => UserRoles[value];
    public static string Of(TaskChangeKind value) => ChangeKinds[value];
    public static string Of(EvidenceKind value) => EvidenceKinds[value];
    public static string Of(MeetingKind value) => MeetingKinds[value];
    public static string Of(OfficialDocuments.DocumentGenre value) => value switch
    {
        OfficialDocuments.DocumentGenre.Notice => "通知",
        OfficialDocuments.DocumentGenre.Issuance => "印发通知",
        OfficialDocuments.DocumentGenre.Commendation => "通报表扬",
        OfficialDocuments.DocumentGenre.Criticism => "通报批评",
        OfficialDocuments.DocumentGenre.Supervision => "督办通知",
        _ => "会议纪要",
    };
    public static string Of(SelfRating value) => SelfRatings[value];
    public static string Of(SupervisionOrderState value) => OrderStates[value];
    public static string Of(ReminderKind value) => ReminderKinds[value];
    public static string Of(ReconciliationFlagKind value) => ReconciliationFlags[value];

    /// <summary>Reads a Chinese label (or the English enum name) back; null when it names nothing.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        foreach (var value in Enum.GetValues<T>())
        {
            if (LabelOf(value) == trimmed || string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    /// <summary>All labels of an enumeration, in declaration order (for error messages and drop-downs).</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(LabelOf).ToList();

    private static string LabelOf<T>(T value) where T : struct, Enum => value switch
    {
        TaskListKind v => Of(v),
        TaskSource v => Of(v),
        KeyTaskStatus v => Of(v),
        TrafficLight v => Of(v),
        PersonRole v => Of(v),
        UserRole v => Of(v),
        TaskChangeKind v => Of(v),
        EvidenceKind v => Of(v),
        MeetingKind v => Of(v),
        SelfRating v => Of(v),
        SupervisionOrderState v => Of(v),
        ReminderKind v => Of(v),
        ReconciliationFlagKind v => Of(v),
        _ => value.ToString(),
    };
}
