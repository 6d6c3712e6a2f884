using LuoshiArchive.Core.Incoming;

namespace LuoshiArchive.Core;

// The labels of Incoming's enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
{
    private static readonly Dictionary<IncomingKind, string> IncomingKinds = new()
    {
        [IncomingKind.Document] = "上级来文",
        [IncomingKind.Instruction] = "领导批示件",
        [IncomingKind.Assignment] = "交办事项",
        [IncomingKind.Suggestion] = "人大建议",
        [IncomingKind.Proposal] = "政协提案",
        [IncomingKind.Feedback] = "督查反馈",
    };

    private static readonly Dictionary<IncomingState, string> IncomingStates = new()
    {
        [IncomingState.Registered] = "待拟办",
        [IncomingState.Proposed] = "待批示",
        [IncomingState.Instructed] = "已批示待交办",
        [IncomingState.Assigned] = "已交办",
        [IncomingState.Done] = "已办结",
        [IncomingState.Overdue] = "逾期",
    };

    public static string Of(IncomingKind value) => IncomingKinds[value];
    public static string Of(IncomingState value) => IncomingStates[value];
}
