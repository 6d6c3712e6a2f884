namespace LuoshiArchive.Core.Dossiers;

/// <summary>Metadata a user gives or corrects; null fields keep what was proposed from the text.</summary>
public sealed record EvidenceDetails
{
    public EvidenceKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Number { get; init; }
    public DateOnly? Date { get; init; }
    public string? Author { get; init; }
    /// <summary>保管期限: Y, D30, D10, or "" for the default of the kind; null keeps it.</summary>
    public string? Retention { get; init; }
    /// <summary>页数 where the file does not state it (a DOCX: from its PDF rendition); null keeps what was read.</summary>
    public int? PageCount { get; init; }
    /// <summary>The evidence this file is another rendition of (see <see cref="Evidence.RenditionOf"/>).</summary>
    public int? RenditionOf { get; init; }
}
