namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>A step of 发文办理 after 拟稿 (which is the draft's own DraftedBy/DraftedAt).</summary>
public enum DocumentStepKind
{
    /// <summary>送核稿: the drafter hands the draft to the office for review.</summary>
    Submitted,
    /// <summary>核稿: the office has checked the draft.</summary>
    Reviewed,
    /// <summary>签发: a leader, on their own account, signs the draft off for numbering and issuing.</summary>
    SignedOff,
}

/// <summary>Where a document stands in 拟稿 → 核稿 → 签发 → 编号印发.</summary>
public enum DocumentStage
{
    Drafting,
    AwaitingReview,
    AwaitingSignOff,
    SignedOff,
    Issued,
}

/// <summary>One recorded step: who (display name and sign-in account), when, and the opinion written (签发意见).</summary>
public sealed class DocumentStep
{
    public DocumentStepKind Kind { get; set; }
    public string By { get; set; } = "";
    public string Account { get; set; } = "";
    public DateTime At { get; set; }
    public string Opinion { get; set; } = "";
}
