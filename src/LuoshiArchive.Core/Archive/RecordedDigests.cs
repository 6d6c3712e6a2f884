using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Core.Archive;

/// <summary>
/// The digests of an original recorded when it was stored (<see cref="Storage.BlobStore.Stage"/> takes them all on one
/// pass, of the same bytes): SHA-256 (its blob's name), and SHA-512 and BLAKE3 on records stored since they were kept.
/// </summary>
public sealed record RecordedDigests(string Sha256, string? Sha512 = null, string? Blake3 = null)
{
    public static RecordedDigests Of(Evidence evidence) => new(evidence.Sha256, evidence.Sha512, evidence.Blake3);
}
