namespace LuoshiArchive.Core.Search;

public enum SearchSort
{
    Relevance,
    DateDescending,
    DateAscending,
}
