using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Core.Archive;

/// <summary>保管期限 (DA/T 22-2015): 永久 Y, 定期30年 D30, 定期10年 D10, defaulted by what the evidence is.</summary>
public static class Retention
{
    public static string DefaultFor(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Policy or EvidenceKind.Instruction => "Y",
        EvidenceKind.OutgoingDocument or EvidenceKind.Minutes or EvidenceKind.Report => "D30",
        _ => "D10",
    };
}
