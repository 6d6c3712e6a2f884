using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages.Search;

/// <summary>Dossier search before an inspection: Chinese full text, filters with counts, highlighted hits.</summary>
public class IndexModel(DossierService dossiers, TaskRegistry tasks) : PageModel
{
    public const int PageSize = 20;

    public SearchQuery Query { get; private set; } = new("");
    public SearchResult? Result { get; private set; }
    public Dictionary<string, string> TaskNames { get; private set; } = [];
    /// <summary>Each hit as a document with its renditions (an issued circular's DOCX and PDF are one hit).</summary>
    public Dictionary<int, FiledDocument> Documents { get; private set; } = [];
    /// <summary>Filters that could not be read (a mistyped date, say): the search is not run with them silently dropped.</summary>
    public string? InputError { get; private set; }
    /// <summary>No words and no filter: the page browses the whole archive, newest first, with the facets to narrow it.</summary>
    public bool Browsing { get; private set; }

    private static readonly Dictionary<string, string> FilterNames = new()
    {
        ["from"] = "起始日期", ["to"] = "截止日期", ["year"] = "年度", ["sort"] = "排序", ["page"] = "页码",
    };

    public void OnGet(string? q, int? year, string? task, string? listKind, string? department, string? kind,
        DateOnly? from, DateOnly? to, SearchSort sort = SearchSort.Relevance,
        // From the query only: Razor Pages keeps the page's own path in the route value "page", which bound first and
        // left every request on page 1.
        [FromQuery(Name = "page")] int page = 1)
    {
        Query = new SearchQuery(q?.Trim() ?? "")
        {
            Year = year, TaskCode = Blank(task), ListKind = Blank(listKind), Department = Blank(department),
            Kind = Blank(kind), From = from, To = to, Sort = sort, Page = Math.Max(1, page), PageSize = PageSize,
        };
        var filtered = Query.Year is not null || Query.TaskCode is not null || Query.ListKind is not null ||
                       Query.Department is not null || Query.Kind is not null || from is not null || to is not null;
        var unreadable = ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => $"{FilterNames.GetValueOrDefault(e.Key, e.Key)}“{e.Value!.AttemptedValue}”").ToList();
        if (unreadable.Count > 0)
        {
            InputError = $"{string.Join("、", unreadable)}无法识别，未检索：日期应写成 2018-06-30，年度为四位数字。";
            return;
        }
        if (Query.Text.Length == 0 && !filtered)
        {
            Browsing = true;
            if (!Request.Query.ContainsKey("sort")) Query = Query with { Sort = SearchSort.DateDescending };
        }
        Result = dossiers.Search(Query, User.Actor());
        Documents = Result.Hits.Select(h => dossiers.Find(h.EvidenceId)).OfType<Core.Dossiers.Evidence>()
            .ToDictionary(e => e.Id, e => new FiledDocument(e, dossiers.RenditionsOf(e.Id)));
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
