using LuoshiArchive.Core.Meetings;

namespace LuoshiArchive.Core;

// The labels of Meetings' enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
{
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

    public static string Of(MeetingKind value) => MeetingKinds[value];
}
