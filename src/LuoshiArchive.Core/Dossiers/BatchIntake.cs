namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// A file to add: the name the user gave it and how to open it (opened once, when it is staged, then closed).
/// </summary>
public sealed record IntakeFile(string FileName, Func<Stream> Open)
{
    /// <summary>The caller closes the stream (a single upload's request body).</summary>
    internal bool LeaveOpen { get; init; }
}

/// <summary>
/// What became of one file of a batch: stored or linked (<see cref="Result"/>), or refused with the reason.
/// </summary>
public sealed record FileIntake(string FileName, IntakeResult? Result, Exception? Error)
{
    public bool Stored => Result is not null;
}

/// <summary>
/// A batch added with <see cref="DossierService.AddBatchAsync"/>, confirmed: every file with a
/// <see cref="FileIntake.Result"/> is in the store (its transaction committed) and survives a crash from here on.
/// </summary>
public sealed record BatchIntake(IReadOnlyList<FileIntake> Files)
{
    public int Added => Files.Count(f => f.Result is { AlreadyStored: false });
    public int Linked => Files.Count(f => f.Result is { AlreadyStored: true });
    public int Failed => Files.Count(f => f.Error is not null);
}
