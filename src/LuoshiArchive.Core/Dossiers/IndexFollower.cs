namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// Keeps this node's search index in step with the evidence changed since the mark saved in the index's commit data:
/// on a shared store, what other processes (web nodes, the CLI) change, at start and then every
/// <see cref="Interval"/>; on the embedded store, at start, what a crash kept this process from indexing.
/// </summary>
public sealed class IndexFollower(EvidenceIndexing indexing)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Applies what the index has not applied yet; returns how many pieces of evidence it touched.</summary>
    public int CatchUp() => indexing.CatchUp();
}
