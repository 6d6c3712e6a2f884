using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Search;

/// <summary>Dossier search before an inspection: Chinese full text, filters with counts, highlighted hits.</summary>
public class IndexModel(DossierService dossiers, TaskRegistry tasks) : PageModel
{
    public const int PageSize = 20;

    public SearchQuery Query { get; private set; } = new("");
    public SearchResult? Result { get; private set; }
    public Dictionary<string, string> TaskNames { get; private set; } = [];

    public void OnGet(string? q, int? year, string? task, string? listKind, string? department, string? kind,
        DateOnly? from, DateOnly? to, SearchSort sort = SearchSort.Relevance, int page = 1)
    {
        Query = new SearchQuery(q?.Trim() ?? "")
        {
            Year = year, TaskCode = Blank(task), ListKind = Blank(listKind), Department = Blank(department),
            Kind = Blank(kind), From = from, To = to, Sort = sort, Page = Math.Max(1, page), PageSize = PageSize,
        };
        var filtered = Query.Year is not null || Query.TaskCode is not null || Query.ListKind is not null ||
                       Query.Department is not null || Query.Kind is not null || from is not null || to is not null;
        if (Query.Text.Length == 0 && !filtered) return;
        Result = dossiers.Search(Query, User.Actor());
        TaskNames = tasks.List(new TaskFilter()).ToDictionary(i => i.Task.Code, i => i.Task.Name);
    }

    /// <summary>This page's URL with one parameter changed (filters, sort, paging keep the rest).</summary>
    public string With(string key, string? value)
    {
        var parameters = Request.Query.Where(p => p.Key != key && p.Key != "page")
            .Select(p => (p.Key, Value: p.Value.ToString())).ToList();
        if (!string.IsNullOrEmpty(value)) parameters.Add((key, value));
        return "/Search?" + string.Join("&", parameters.Where(p => p.Value.Length > 0)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    public static string KindLabel(string kind) =>
        Enum.TryParse<EvidenceKind>(kind, out var k) ? Core.ChineseLabels.Of(k) : kind;

    public static string ListKindLabel(string kind) =>
        Enum.TryParse<TaskListKind>(kind, out var k) ? Core.ChineseLabels.Of(k) : kind;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
