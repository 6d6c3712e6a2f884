namespace LuoshiArchive.Core.Search;

public sealed record FacetCount(string Value, int Count);
