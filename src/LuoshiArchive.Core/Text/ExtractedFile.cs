namespace LuoshiArchive.Core.Text;

/// <summary>
/// A file as a worker read it, its text still in <see cref="TextFile"/> (UTF-8, beside the file): a batch holds the
/// texts on disk, not in memory, until each is needed, and the text file can become the stored text as it is.
/// </summary>
public sealed record ExtractedFile(
    string TextFile, EvidenceFormat Format, int? PageCount, bool NoTextRead, string? Note)
{
    /// <summary>Where the worker writes the text of the file at <paramref name="path"/>.</summary>
    public static string TextFileOf(string path) => path + ".text";

    /// <summary>The text's size in bytes (UTF-8), without reading it.</summary>
    public long TextBytes => new FileInfo(TextFile).Length;

    public ExtractedText ReadText() => new(Format, File.ReadAllText(TextFile), PageCount, NoTextRead, Note);
}

/// <summary>
/// One file of a batch: read (<see cref="Read"/>) or refused, with the reason in Chinese (<see cref="Problem"/>).
/// </summary>
public sealed record ExtractionOutcome(ExtractedFile? Read, ExtractionException? Problem);
