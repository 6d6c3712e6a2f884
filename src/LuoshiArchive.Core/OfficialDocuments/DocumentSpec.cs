namespace LuoshiArchive.Core.OfficialDocuments;

/// <summary>The genres of official documents the generator writes, each with its template in <c>templates/</c>.</summary>
public enum DocumentGenre
{
    /// <summary>通知</summary>
    Notice,
    /// <summary>印发通知: issues an attached document (a plan) and usually a list table.</summary>
    Issuance,
    /// <summary>通报表扬</summary>
    Commendation,
    /// <summary>通报批评</summary>
    Criticism,
    /// <summary>督办通知</summary>
    Supervision,
    /// <summary>会议纪要</summary>
    Minutes,
}

/// <summary>公开属性 (disclosure status) kept with every issued document.</summary>
public enum Disclosure
{
    /// <summary>主动公开</summary>
    Proactive,
    /// <summary>依申请公开</summary>
    OnRequest,
    /// <summary>不予公开</summary>
    NotDisclosed,
}

/// <summary>One paragraph of a body or attachment: level 0 is body text, 1–4 are the four heading levels 一、（一）1.（1）.</summary>
public sealed record DocumentParagraph(int Level, string Text);

/// <summary>A table in an attachment (e.g. the sample list table of the seed notice): a header row and data rows.</summary>
public sealed record DocumentTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>An attachment printed after the document on a new page: its title, text and optional table.</summary>
public sealed record DocumentAttachment(string Title, IReadOnlyList<DocumentParagraph> Paragraphs, DocumentTable? Table = null);

/// <summary>
/// Everything an official document says, in the order GB/T 9704 prints it (the SPEC of <c>luoshi doc render</c>,
/// documented in the README). <see cref="Number"/> "auto" asks the register for the next number of
/// <see cref="CodePrefix"/> in the year of <see cref="Date"/>.
/// </summary>
public sealed record DocumentSpec
{
    public DocumentGenre Genre { get; init; } = DocumentGenre.Notice;
    /// <summary>发文机关标志, e.g. "天津市教育委员会文件".</summary>
    public string Mark { get; init; } = "";
    /// <summary>发文字号 as printed ("津教委〔2018〕1号"), "auto", or empty for none.</summary>
    public string Number { get; init; } = "";
    /// <summary>机关代字 for the register, e.g. "津教委".</summary>
    public string CodePrefix { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>主送机关, ending with a full-width colon.</summary>
    public string Recipients { get; init; } = "";
    public IReadOnlyList<DocumentParagraph> Paragraphs { get; init; } = [];
    /// <summary>印发通知: the issued document (e.g. a plan), printed after the notice on a new page.</summary>
    public DocumentAttachment? Enclosure { get; init; }
    /// <summary>附件说明: the attachments' names, in order.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
    /// <summary>The attachments' contents, printed on new pages (matched to <see cref="Attachments"/> by position).</summary>
    public IReadOnlyList<DocumentAttachment> AttachmentBodies { get; init; } = [];
    /// <summary>发文机关署名.</summary>
    public string Signature { get; init; } = "";
    /// <summary>成文日期.</summary>
    public DateOnly Date { get; init; }
    /// <summary>附注, printed in full-width parentheses, e.g. 此件主动公开.</summary>
    public string Note { get; init; } = "";
    /// <summary>抄送机关.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];
    /// <summary>印发机关.</summary>
    public string Printer { get; init; } = "";
    /// <summary>印发日期.</summary>
    public DateOnly? PrintDate { get; init; }

    // Metadata kept for government information disclosure; not printed.
    /// <summary>索引号.</summary>
    public string IndexNumber { get; init; } = "";
    /// <summary>主题分类, e.g. 综合政务\机关事务.</summary>
    public string Subject { get; init; } = "";
    public Disclosure Disclosure { get; init; } = Disclosure.Proactive;
    /// <summary>发文日期 (defaults to the issue date).</summary>
    public DateOnly? IssueDate { get; init; }

    public bool WantsAutoNumber => string.Equals(Number.Trim(), "auto", StringComparison.OrdinalIgnoreCase);
}
