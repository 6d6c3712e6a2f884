using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>One file on its way through a batch's intake: staged, read, stored, or refused.</summary>
internal sealed class PendingFile(IntakeFile file) : IDisposable
{
    public IntakeFile File { get; } = file;
    public string FileName { get; set; } = file.FileName;
    public BlobStore.Staged? Staged { get; set; }
    public ExtractedFile? Read { get; set; }
    /// <summary>The text while it waits to be stored and indexed (dropped once indexed).</summary>
    public string? Text { get; set; }
    /// <summary>An earlier file of the batch with the same content: this one shares its outcome.</summary>
    public PendingFile? SameAs { get; set; }
    public IntakeResult? Result { get; set; }
    public Exception? Error { get; set; }

    /// <summary>
    /// Runs a step of this file; a refusal the user can act on becomes this file's error, not the batch's.
    /// </summary>
    public void Try(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (e is DomainRuleException or IOException or UnauthorizedAccessException)
        {
            Error = e;
        }
    }

    /// <summary>
    /// Same content as <paramref name="first"/>: stored once, so this one is "already stored" (or failed alike).
    /// </summary>
    public void CopyOutcome(PendingFile first)
    {
        Result = first.Result is { } result ? result with { AlreadyStored = true, NewlyFiledIn = [] } : null;
        Error = first.Error;
    }

    /// <summary>Removes the staged file and the text file, unless they were moved into the blob store.</summary>
    public void Dispose()
    {
        Staged?.Dispose();
        if (Staged is not null) System.IO.File.Delete(ExtractedFile.TextFileOf(Staged.Path));
    }
}
