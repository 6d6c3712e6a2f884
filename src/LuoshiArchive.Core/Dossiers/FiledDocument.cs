namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// One document of a dossier as a person counts it (one 件): its main file and the other renditions filed with it
/// (an issued circular's DOCX with its PDF).
/// </summary>
public sealed record FiledDocument(Evidence Main, IReadOnlyList<Evidence> Renditions)
{
    /// <summary>Every file of the document, the main one first.</summary>
    public IEnumerable<Evidence> Files => Renditions.Prepend(Main);

    /// <summary>Groups a dossier's evidence into documents, keeping its order; a rendition whose main file is not in
    /// <paramref name="evidence"/> stands on its own.</summary>
    public static IReadOnlyList<FiledDocument> Group(IReadOnlyList<Evidence> evidence)
    {
        var ids = evidence.Select(e => e.Id).ToHashSet();
        var renditions = evidence.Where(e => e.RenditionOf is { } main && ids.Contains(main))
            .ToLookup(e => e.RenditionOf!.Value);
        return evidence.Where(e => e.RenditionOf is not { } main || !ids.Contains(main))
            .Select(e => new FiledDocument(e, renditions[e.Id].ToList())).ToList();
    }
}
