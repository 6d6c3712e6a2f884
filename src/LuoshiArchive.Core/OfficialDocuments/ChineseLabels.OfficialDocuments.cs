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
}
