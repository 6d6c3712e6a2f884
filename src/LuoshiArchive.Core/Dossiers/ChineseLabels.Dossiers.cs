using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Core;

// The labels of Dossiers' enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
{
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

    public static string Of(EvidenceKind value) => EvidenceKinds[value];
}
