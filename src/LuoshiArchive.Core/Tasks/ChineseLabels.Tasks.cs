using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core;

// The labels of Tasks' enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
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
        [KeyTaskStatus.Paused] = "暂缓",
    };

    private static readonly Dictionary<TrafficLight, string> Lights = new()
    {
        [TrafficLight.Green] = "正常",
        [TrafficLight.Yellow] = "预警",
        [TrafficLight.Red] = "逾期",
    };

    private static readonly Dictionary<TaskChangeKind, string> ChangeKinds = new()
    {
        [TaskChangeKind.Created] = "新建",
        [TaskChangeKind.Edited] = "修改",
        [TaskChangeKind.Adjusted] = "调整",
        [TaskChangeKind.MilestoneDone] = "节点完成",
        [TaskChangeKind.MilestoneReopened] = "节点撤销完成",
        [TaskChangeKind.Imported] = "导入",
        [TaskChangeKind.Completed] = "办结",
        [TaskChangeKind.Cancelled] = "撤销",
        [TaskChangeKind.Paused] = "暂缓",
        [TaskChangeKind.Resumed] = "恢复",
        [TaskChangeKind.Reopened] = "重新打开",
        [TaskChangeKind.Moved] = "调整上级任务",
        [TaskChangeKind.Instruction] = "领导批示",
        [TaskChangeKind.CarriedOver] = "年度结转",
    };

    public static string Of(TaskListKind value) => ListKinds[value];
    public static string Of(TaskSource value) => Sources[value];
    public static string Of(KeyTaskStatus value) => Statuses[value];
    public static string Of(TrafficLight value) => Lights[value];
    public static string Of(TaskChangeKind value) => ChangeKinds[value];
}
