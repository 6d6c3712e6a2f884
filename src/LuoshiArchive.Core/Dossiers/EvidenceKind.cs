namespace LuoshiArchive.Core.Dossiers;

/// <summary>What a piece of evidence (佐证材料) is; the dossier is filed by these categories.</summary>
public enum EvidenceKind
{
    /// <summary>出台政策</summary>
    Policy,
    /// <summary>制发文件</summary>
    OutgoingDocument,
    /// <summary>会议纪要</summary>
    Minutes,
    /// <summary>过程资料</summary>
    ProcessRecord,
    /// <summary>批示</summary>
    Instruction,
    /// <summary>工作报告</summary>
    Report,
    /// <summary>其他</summary>
    Other,
}
