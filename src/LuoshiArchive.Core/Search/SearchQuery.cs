namespace LuoshiArchive.Core.Search;

/// <summary>A dossier search: the words a user remembers, plus optional filters, sort and page (1-based).</summary>
public sealed record SearchQuery(string Text)
{
    public int? Year { get; init; }
    public string? TaskCode { get; init; }
    public string? ListKind { get; init; }
    public string? Department { get; init; }
    public string? Kind { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Only evidence filed in these tasks (by code); null: all. Set from the searcher's access, not by users.</summary>
    public IReadOnlyCollection<string>? WithinTasks { get; init; }
    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}
