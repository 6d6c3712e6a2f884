namespace LuoshiArchive.Core.Dossiers;

/// <summary>Metadata a user gives or corrects; null fields keep what was proposed from the text.</summary>
public sealed record EvidenceDetails
{
    public EvidenceKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Number { get; init; }
    public DateOnly? Date { get; init; }
    public string? Author { get; init; }
}
