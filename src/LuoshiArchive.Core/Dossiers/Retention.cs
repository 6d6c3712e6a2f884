namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// 保管期限 (DA/T 22-2015): 永久 Y, 定期30年 D30, 定期10年 D10, defaulted by what the evidence is and changeable per
/// piece of evidence by the archivist.
/// </summary>
public static class Retention
{
    public static readonly IReadOnlyList<string> Codes = ["Y", "D30", "D10"];

    /// <summary>The evidence's own 保管期限 where one was set, otherwise the default for its kind.</summary>
    public static string Of(Evidence evidence) => Codes.Contains(evidence.Retention) ? evidence.Retention : DefaultFor(evidence.Kind);

    public static string Label(string code) => code switch { "Y" => "永久", "D30" => "定期30年", "D10" => "定期10年", _ => "按材料类别" };

    public static string DefaultFor(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Policy or EvidenceKind.Instruction => "Y",
        EvidenceKind.OutgoingDocument or EvidenceKind.Minutes or EvidenceKind.Report => "D30",
        _ => "D10",
    };
}
