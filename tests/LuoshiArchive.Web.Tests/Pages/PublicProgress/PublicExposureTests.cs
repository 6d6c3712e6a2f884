using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Web.Tests.Pages.PublicProgress;

/// <summary>
/// Nothing but the public wording is public: without signing in, every public URL (the page of each year, both feeds,
/// the CMS sheet, every link found on them) and guesses around them show the public tasks and never an internal
/// progress report, a person's name, an evidence file or a task not marked public; every other page asks to sign in.
/// </summary>
public class PublicExposureTests : IClassFixture<LuoshiWebFactory>
{
    private const string InternalProgress = "内部进展：经费缺口三百万元尚待协调";
    private const string EvidenceText = "内部请示原文：请予追加经费";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _public2018, _public2017, _secret, _withdrawn;
    private readonly int _evidenceId;

    public PublicExposureTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var basic = directory.DepartmentNamed("基础教育处")
                    ?? directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var head = directory.People().FirstOrDefault(p => p.Name == "赵志强")
                   ?? directory.SavePerson(new Person
                   {
                       Name = "赵志强", Role = PersonRole.Head, DepartmentId = basic.Id,
                   });
        var leader = directory.Leaders().FirstOrDefault(p => p.Name == "王建国")
                     ?? directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        var accounts = app.Service<AccountService>();
        if (accounts.Find("clerk") is null)
            accounts.Create("clerk", "基教处李晓梅", "Luoshi-2018!", UserRole.DepartmentUser, basic.Id);
        TaskDraft Draft(int year, string name) => new()
        {
            Year = year, Name = name, Target = $"{name}的目标", LeadDepartmentId = basic.Id, ResponsiblePersonId = head.Id,
            SupervisingLeaderId = leader.Id, Deadline = new DateOnly(year, 12, 31), Measures = "内部措施：召开专题会",
        };
        var tasks = app.Service<TaskRegistry>();
        KeyTask Task(int year, string name) =>
            tasks.List(new TaskFilter { Year = year }).Select(i => i.Task).FirstOrDefault(t => t.Name == name)
            ?? tasks.Create(Draft(year, name), Actor.Console());
        _public2018 = Task(2018, "新建改扩建幼儿园30所");
        _public2017 = Task(2017, "中小学课后服务全覆盖");
        _secret = Task(2018, "未公开的内部事项");
        _withdrawn = Task(2018, "曾公开后撤回的事项");
        var clerk = Actor.For(accounts.Find("clerk")!);
        var dossiers = app.Service<DossierService>();
        var progress = app.Service<ProgressLog>();
        if (progress.Of(_public2018.Id).Count == 0)
        {
            var report = new ProgressDraft { Date = new DateOnly(2018, 6, 1), Text = InternalProgress };
            progress.AddAsync(_public2018.Code, report, [], clerk).GetAwaiter().GetResult();
            dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes(EvidenceText)), "内部请示.txt", [_public2018.Code],
                null, clerk).GetAwaiter().GetResult();
            var disclosure = app.Service<PublicDisclosure>();
            disclosure.Publish(_public2018.Code, "已开工建设幼儿园18所。", Actor.Console("办公室张三"));
            disclosure.Publish(_public2017.Code, "已覆盖全市中小学。", Actor.Console("办公室张三"));
            disclosure.Publish(_withdrawn.Code, "撤回前的公开进展", Actor.Console("办公室张三"));
            disclosure.Unpublish(_withdrawn.Code, Actor.Console("办公室张三"));
        }
        _evidenceId = dossiers.DossierOf(_public2018.Id).Single().Id;
    }

    /// <summary>What must never be reachable without signing in.</summary>
    private string[] Secrets =>
    [
        InternalProgress, EvidenceText, "内部请示", "内部措施", "基教处李晓梅", "clerk", "赵志强", "王建国", "办公室张三",
        "命令行", _secret.Name, _withdrawn.Name, "撤回前的公开进展", "基础教育处", "/Tasks", "/Evidence",
    ];

    [Fact]
    public async Task Every_public_url_and_every_link_on_them_shows_the_public_tasks_and_nothing_else()
    {
        var client = _app.NoRedirectClient();
        var queue = new Queue<string>(["/public", "/public?year=2017", "/public?year=2018", "/public?year=1999",
            "/public?year=abc", "/public/feed.json", "/public/feed.xml", "/public/export.xlsx",
            "/public/export.xlsx?year=2017", "/public/export.xlsx?year=2018"]);
        var seen = new HashSet<string>();
        var everything = new StringBuilder();
        while (queue.TryDequeue(out var url))
        {
            if (!seen.Add(url)) continue;
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
            var (text, links) = await Read(response);
            foreach (var secret in Secrets) Assert.False(text.Contains(secret), $"{url} shows “{secret}”");
            everything.Append(text);
            foreach (var link in links.Where(l => l.StartsWith('/') && !l.StartsWith("//"))) queue.Enqueue(link);
        }
        Assert.Contains("/css/public.css", string.Join(" ", seen.Select(s => s.Split('?')[0])));
        foreach (var shown in new[] { _public2018.Name, "已开工建设幼儿园18所。", _public2017.Name, "已覆盖全市中小学。" })
            Assert.Contains(shown, everything.ToString());
        Assert.True(seen.Count >= 13, string.Join(", ", seen)); // the start, the icon and both stylesheets
    }

    [Theory]
    [InlineData("/public/../Tasks")]
    [InlineData("/public/..%2FTasks")]
    [InlineData("/public/%2e%2e/Tasks")]
    [InlineData("/public/Tasks")]
    [InlineData("/public?handler=Download")]
    [InlineData("/public?year=2018&code={secret}")]
    [InlineData("/public/feed.json?year=2018&all=true")]
    [InlineData("/public/export.xlsx?year=2018&handler=Download")]
    [InlineData("/Tasks/{secret}")]
    [InlineData("/Tasks/{public}")]
    [InlineData("/Tasks/Publish/{public}")]
    [InlineData("/Evidence/{evidence}")]
    [InlineData("/Evidence/{evidence}?handler=Download")]
    [InlineData("/public/Evidence/{evidence}")]
    [InlineData("/api/v1/evidence/{evidence}/file")]
    [InlineData("/api/v1/tasks/{public}")]
    [InlineData("/PublicProgress")]
    [InlineData("/Audit?action=disclosure.")]
    public async Task Guesses_around_the_public_pages_reveal_nothing(string guess)
    {
        var url = guess.Replace("{secret}", _secret.Code).Replace("{public}", _public2018.Code)
            .Replace("{evidence}", _evidenceId.ToString());
        var response = await _app.NoRedirectClient().GetAsync(url);
        var (text, _) = await Read(response);
        foreach (var secret in Secrets.Where(s => !url.Contains(s)))
            Assert.False(text.Contains(secret), $"{url} ({response.StatusCode}) shows “{secret}”");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized
            || response.Headers.Location?.OriginalString.Contains("/Account/Login") == true,
            $"{url}: {response.StatusCode}");
    }

    [Fact]
    public async Task Every_other_page_of_the_app_still_asks_to_sign_in()
    {
        string[] open = ["/Account/Login", "/Setup", "/Error", "/Status/{code}", "/public", "/public/feed.json",
            "/public/feed.xml", "/public/export.xlsx", "/health",
            "/openapi/{documentName}.json", "/api/{**rest}"]; // the API's description; an unknown API path is 404
        var routes = _app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                Method: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
                        && !methods.Contains("GET") ? methods[0] : "GET",
                Accepts: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
                    .FirstOrDefault()))
            .Distinct().ToList();
        Assert.Contains(routes, r => r.Route == "/Tasks/{code}");
        var client = _app.NoRedirectClient();
        var checkedCount = 0;
        var closed = routes.Where(r => !open.Contains(r.Route, StringComparer.OrdinalIgnoreCase));
        foreach (var (route, method, accepts) in closed)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:?]+)[^}]*\}",
                m => m.Groups[1].Value is "code" ? _public2018.Code : "1");
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            // A body of the type the endpoint accepts, so that it is matched (else the API's 404 fallback answers).
            if (accepts is not null) request.Content = new StringContent("", null, accepts.Split(';')[0]);
            var response = await client.SendAsync(request);
            var login = response.Headers.Location?.OriginalString.Contains("/Account/Login") == true;
            Assert.True(login || response.StatusCode is HttpStatusCode.Unauthorized,
                $"{method} {url} answered {response.StatusCode} without sign-in");
            checkedCount++;
        }
        Assert.True(checkedCount > 40, $"only {checkedCount} routes checked");
    }

    /// <summary>
    /// The text a reader gets from a response, and the links in it (pages, feeds; the sheet's cells).
    /// </summary>
    private static async Task<(string Text, IReadOnlyList<string> Links)> Read(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("spreadsheetml"))
        {
            var rows = SheetReader.Read(await response.Content.ReadAsStreamAsync(), 10_000);
            return (string.Join("\n", rows.SelectMany(r => r.Cells.Values)), []);
        }
        var text = await response.Content.ReadAsStringAsync();
        if (type == "application/feed+json")
        {
            using var feed = JsonDocument.Parse(text);
            var urls = new[] { "home_page_url", "feed_url" }.Select(p => feed.RootElement.GetProperty(p).GetString()!)
                .Concat(feed.RootElement.GetProperty("items").EnumerateArray()
                    .Select(i => i.GetProperty("url").GetString()!));
            return (text, urls.Select(Local).ToList());
        }
        if (type == "application/rss+xml")
            return (text, XDocument.Parse(text).Descendants("link").Select(l => Local(l.Value)).ToList());
        if (!type.Contains("html")) return (text, []);
        var document = BrowserLikeClient.Parse(text);
        var links = document.QuerySelectorAll("a[href], link[href], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).Select(l => l.Split('#')[0]).ToList();
        return (document.Body?.TextContent + " " + string.Join(" ", links), links);
    }

    private static string Local(string absolute) => new Uri(absolute).PathAndQuery;
}
