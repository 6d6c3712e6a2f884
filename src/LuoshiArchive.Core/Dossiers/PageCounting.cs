using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// 页数 for DOCX evidence whose file does not state it. Word, WPS and LibreOffice write the page count into
/// docProps/app.xml when they save, and intake reads it there; a DOCX made by another program often has none. Those
/// are counted on a PDF rendition by LibreOffice (as an issued document's DOCX is), once, and the count is kept on the
/// evidence: the archive catalogue then has it, as it has a PDF's.
/// </summary>
public sealed class PageCounting(DossierService dossiers, IBlobStore blobs, ConverterPaths converters)
{
    /// <summary>Files per LibreOffice run: its start costs more than converting a short document.</summary>
    private const int PerRun = 20;

    /// <summary>Whether the evidence is a DOCX original without a page count.</summary>
    public static bool Lacks(Evidence evidence) =>
        evidence is { PageCount: null, RenditionOf: null, IsRemoved: false }
        && evidence.Format == nameof(EvidenceFormat.Docx);

    /// <summary>
    /// Counts the pages of those of <paramref name="evidence"/> that lack them and keeps the counts; returns how many
    /// it filled in (none without LibreOffice; a file LibreOffice cannot open keeps no count).
    /// </summary>
    public int FillIn(IEnumerable<Evidence> evidence, CancellationToken cancellationToken = default)
    {
        if (converters.Soffice is null) return 0;
        var filled = 0;
        foreach (var run in evidence.Where(Lacks).DistinctBy(e => e.Id).Chunk(PerRun))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pdfs = PdfRendition.TryConvertMany(run.Select(e => Read(e.Sha256)).ToList(), converters);
            for (var i = 0; i < run.Length; i++)
                if (PdfRendition.PageCount(pdfs[i]) is { } pages && dossiers.RecordPageCount(run[i].Id, pages))
                    filled++;
        }
        return filled;
    }

    private byte[] Read(string sha256)
    {
        using var file = blobs.OpenRead(sha256);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
