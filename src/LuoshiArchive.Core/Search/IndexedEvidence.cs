namespace LuoshiArchive.Core.Search;

/// <summary>What the index knows of one piece of evidence: its metadata, the tasks it is filed in, and its text.</summary>
public sealed record IndexedEvidence(
    int EvidenceId,
    string Title,
    string Number,
    DateOnly? Date,
    string Kind,
    IReadOnlyList<string> TaskCodes,
    IReadOnlyList<int> Years,
    IReadOnlyList<string> ListKinds,
    IReadOnlyList<string> Departments,
    string Author,
    string Text);
