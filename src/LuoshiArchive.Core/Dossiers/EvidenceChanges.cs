namespace LuoshiArchive.Core.Dossiers;

/// <summary>Evidence changed by any process since a cursor, and the cursor that follows them.</summary>
/// <param name="EvidenceIds">The evidence to index again (or take out, when removed or gone), each once.</param>
/// <param name="Cursor">What to ask with next time; it never goes backwards.</param>
public sealed record EvidenceChanges(IReadOnlyList<int> EvidenceIds, long Cursor)
{
    public static EvidenceChanges None(long cursor) => new([], cursor);
}
