namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// One piece of evidence (佐证材料): an original file stored once (by SHA-256) and filed in the dossier of every task
/// it belongs to. The text extracted from it lives beside the blob and in the search index.
/// </summary>
public sealed class Evidence
{
    public int Id { get; set; }
    public string Sha256 { get; set; } = "";

    /// <summary>
    /// SHA-512 of the original, taken at intake beside <see cref="Sha256"/>: the annual bundle's manifest-sha512 lists
    /// it without hashing the file again. Null on records stored before it was kept (the export computes it then).
    /// </summary>
    public string? Sha512 { get; set; }

    /// <summary>
    /// BLAKE3 (256-bit, hex) of the original, taken at intake on the same pass as <see cref="Sha256"/> and
    /// <see cref="Sha512"/>: an export checks the stored copy against it (a cryptographic digest, ~2.7 times as fast as
    /// SHA-256 here), so a changed copy still stops it. Null on records stored before it was kept (SHA-256 then).
    /// </summary>
    public string? Blake3 { get; set; }
    public long Length { get; set; }
    public string OriginalFileName { get; set; } = "";
    /// <summary>Detected format (EvidenceFormat name): Docx, Pdf, Xlsx, PlainText, Markdown, Html, Doc, Wps.</summary>
    public string Format { get; set; } = "";
    public EvidenceKind Kind { get; set; }

    /// <summary>题名</summary>
    public string Title { get; set; } = "";
    /// <summary>发文字号, normalised to 〔〕; empty when the document has none.</summary>
    public string Number { get; set; } = "";
    /// <summary>成文日期</summary>
    public DateOnly? Date { get; set; }
    /// <summary>责任者 / issuing body.</summary>
    public string Author { get; set; } = "";
    public int? PageCount { get; set; }
    /// <summary>保管期限 set by the archivist (Y, D30, D10); empty: the default for <see cref="Kind"/>.</summary>
    public string Retention { get; set; } = "";

    /// <summary>
    /// Set when this file is another rendition of a document already filed (the PDF of an issued DOCX): one document,
    /// shown as one row with its formats, counted once, found once in search (through the main rendition).
    /// </summary>
    public int? RenditionOf { get; set; }

    /// <summary>True when no text could be read (scan without OCR, legacy Word without LibreOffice): shown, never hidden.</summary>
    public bool NoTextRead { get; set; }
    /// <summary>How the text was obtained, e.g. "经 OCR 识别".</summary>
    public string ExtractionNote { get; set; } = "";
    public int TextLength { get; set; }

    public List<EvidenceLink> Links { get; set; } = [];
    public DateTime AddedAt { get; set; }
    public string AddedBy { get; set; } = "";
    /// <summary>The uploader's sign-in name (unique, unlike <see cref="AddedBy"/>); empty on records older than it.</summary>
    public string AddedByAccount { get; set; } = "";

    /// <summary>Set when the evidence was removed (a soft delete): kept in the store, out of dossiers and search.</summary>
    public EvidenceRemoval? Removal { get; set; }

    public bool IsRemoved => Removal is not null;

    /// <summary>
    /// When the record was last written: a number that only grows (UTC ticks, kept strictly increasing), set by every
    /// write (<see cref="EvidenceIndexing.NextRevision"/>). The search index remembers the highest it reflects, so a
    /// start on an unchanged store does not compare the index with every record.
    /// </summary>
    public long Revision { get; set; }

    public bool IsFiledIn(int taskId) => Links.Any(l => l.TaskId == taskId);
}

/// <summary>Who removed a piece of evidence, when and why; an administrator can restore it.</summary>
public sealed class EvidenceRemoval
{
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>The filing of a piece of evidence in one task's dossier: who filed it, when.</summary>
public sealed class EvidenceLink
{
    public int TaskId { get; set; }
    public DateTime LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";
}
