namespace LuoshiArchive.Core.Search;

/// <summary>
/// One found piece of evidence. <see cref="Snippets"/> are plain text with each match wrapped in \u0001…\u0002, so a
/// page encodes the text first and then turns the markers into &lt;mark&gt;.
/// </summary>
public sealed record SearchHit(
    int EvidenceId,
    string Title,
    string Number,
    DateOnly? Date,
    string Kind,
    IReadOnlyList<string> TaskCodes,
    float Score,
    bool MatchesAllTerms,
    IReadOnlyList<string> Snippets);
