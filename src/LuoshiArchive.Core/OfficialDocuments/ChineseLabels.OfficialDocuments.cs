using LuoshiArchive.Core.OfficialDocuments;

namespace LuoshiArchive.Core;

// The labels of OfficialDocuments' enumerations, kept beside them (the generic Parse and All find them by their Of).
public static partial class ChineseLabels
{
    public static string Of(DocumentGenre value) => value switch
    {
        DocumentGenre.Notice => "通知",
        DocumentGenre.Issuance => "印发通知",
        DocumentGenre.Commendation => "通报表扬",
        DocumentGenre.Criticism => "通报批评",
        DocumentGenre.Supervision => "督办通知",
        _ => "会议纪要",
    };

    public static string Of(DocumentStepKind value) => value switch
    {
        DocumentStepKind.Submitted => "送核稿",
        DocumentStepKind.Reviewed => "核稿",
        _ => "签发",
    };

    public static string Of(DocumentStage value) => value switch
    {
        DocumentStage.Drafting => "拟稿",
        DocumentStage.AwaitingReview => "待核稿",
        DocumentStage.AwaitingSignOff => "待签发",
        DocumentStage.SignedOff => "已签发",
        _ => "已印发",
    };
}
