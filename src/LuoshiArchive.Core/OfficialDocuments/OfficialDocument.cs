namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>
/// A drafted or issued official document. The draft is its SPEC (JSON, editable until issued); issuing fixes the
/// number, writes the DOCX (and PDF), and files it in the dossier of every task it names. The row of the issued
/// documents register (发文登记) with the disclosure metadata.
/// </summary>
public sealed class OfficialDocument
{
    public int Id { get; set; }
    public DocumentGenre Genre { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The SPEC as JSON (see <see cref="DocumentSpecJson"/>).</summary>
    public string SpecJson { get; set; } = "";
    public string MarkColor { get; set; } = OfficialPage.Red;
    public int MarkSize { get; set; }
    public List<int> TaskIds { get; set; } = [];
    /// <summary>通报批评: the date by which the criticised department reports its rectification.</summary>
    public DateOnly? ReplyDue { get; set; }

    public DateTime DraftedAt { get; set; }
    public string DraftedBy { get; set; } = "";
    /// <summary>
    /// 送核稿, 核稿 and 签发 as recorded, in order (see <see cref="DocumentSigning"/>); empty for a fresh draft and for
    /// documents issued before the steps were kept.
    /// </summary>
    public List<DocumentStep> Steps { get; set; } = [];
    public bool IsIssued { get; set; }
    public string Number { get; set; } = "";
    public DateTime? IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    /// <summary>The issued DOCX and its PDF rendition, as evidence (kind: outgoing document).</summary>
    public int? DocxEvidenceId { get; set; }
    public int? PdfEvidenceId { get; set; }
    /// <summary>Supervision orders opened by this document (通报批评's rectification requirement).</summary>
    public List<int> SupervisionOrderIds { get; set; } = [];

    /// <summary>The last recorded step of <paramref name="kind"/>, if any.</summary>
    public DocumentStep? Step(DocumentStepKind kind) => Steps.LastOrDefault(s => s.Kind == kind);

    /// <summary>Where the document stands: issued, else the furthest step recorded.</summary>
    public DocumentStage Stage() =>
        IsIssued ? DocumentStage.Issued
        : Step(DocumentStepKind.SignedOff) is not null ? DocumentStage.SignedOff
        : Step(DocumentStepKind.Reviewed) is not null ? DocumentStage.AwaitingSignOff
        : Step(DocumentStepKind.Submitted) is not null ? DocumentStage.AwaitingReview
        : DocumentStage.Drafting;
}
