using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Web.Infrastructure;

namespace LuoshiArchive.Web.Api;

/// <summary><c>GET /api/v1/search</c>: the search page's query language and filters, answered as <c>luoshi search --json</c>.</summary>
public static class SearchApi
{
    public const int MaxTop = 1000;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", Search).WithName("Search").WithTags("检索")
            .WithSummary("全文检索档案（q 为检索式：词、\"短语\"、文号；可按 year、task、listKind、department、kind、from、to 过滤）")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    public static SearchResponse Search(HttpContext http, DossierService dossiers, string? q = null, int? year = null, string? task = null,
        string? listKind = null, string? department = null, string? kind = null, string? from = null, string? to = null,
        string? sort = null, int page = 1, int top = 20)
    {
        if (top is < 1 or > MaxTop) throw new DomainRuleException($"top 应在 1 到 {MaxTop} 之间。");
        if (page < 1) throw new DomainRuleException("page 应从 1 开始。");
        var query = new SearchQuery(q?.Trim() ?? "")
        {
            Year = year, TaskCode = Blank(task), ListKind = ApiEnums.Parse<Core.Tasks.TaskListKind>(listKind, "listKind")?.ToString(),
            Department = Blank(department), Kind = ApiEnums.Parse<EvidenceKind>(kind, "kind")?.ToString(),
            From = ApiDates.Parse(from, "from"), To = ApiDates.Parse(to, "to"),
            Sort = ApiEnums.Parse<SearchSort>(sort, "sort") ?? SearchSort.Relevance, Page = page, PageSize = top,
        };
        var result = dossiers.Search(query, http.User.Actor());
        return new SearchResponse(result.Total, result.Hits.Select(h => new SearchHitJson(h.EvidenceId, h.Title, h.Number,
            ApiDates.Format(h.Date), h.Kind, h.TaskCodes, Math.Round(h.Score, 4), Plain(h.Snippets.FirstOrDefault() ?? ""))).ToList());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Plain(string snippet) => snippet.Replace("\u0001", "").Replace("\u0002", "");
}

/// <summary>The shape of <c>luoshi search --json</c>.</summary>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchHitJson> Hits);

public sealed record SearchHitJson(int EvidenceId, string Title, string Number, string? Date, string Kind, IReadOnlyList<string> Tasks,
    double Score, string Snippet);
