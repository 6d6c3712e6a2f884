using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Core.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Web.Tests.Pages.PublicProgress;

/// <summary>
/// The public feeds in their formats (JSON Feed 1.1, RSS 2.0), the public page behind a proxy that mounts the app
/// under a path and speaks HTTPS, and 长者模式 on the public page without signing in.
/// </summary>
public class PublicFeedsTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _task;

    public PublicFeedsTests(LuoshiWebFactory app)
    {
        _app = app;
        var tasks = app.Service<TaskRegistry>();
        _task = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "新建改扩建幼儿园30所", Target = "新增学位9000个", Deadline = new DateOnly(2018, 12, 31),
        }, Actor.Console());
        var disclosure = app.Service<PublicDisclosure>();
        if (disclosure.Of(_task.Id) is null) disclosure.Publish(_task.Code, "已开工建设幼儿园18所。", Actor.Console());
    }

    [Fact]
    public async Task The_json_feed_is_json_feed_1_1_with_the_catalogue_fields_of_each_public_task()
    {
        var response = await _app.CreateClient().GetAsync("/public/feed.json");
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType!.MediaType);
        using var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = feed.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("天津市教育委员会重大事项进展情况", root.GetProperty("title").GetString());
        Assert.Equal("http://localhost/public/feed.json", root.GetProperty("feed_url").GetString());
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal(_task.Name, item.GetProperty("title").GetString());
        Assert.Equal($"http://localhost/public?year=2018#task-{_task.Code}", item.GetProperty("url").GetString());
        Assert.Contains("最新进展（2018-06-15）：已开工建设幼儿园18所。", item.GetProperty("content_text").GetString());
        Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_modified").GetString(), out _));
        var fields = item.GetProperty("_luoshi");
        Assert.Equal(("2018-00001", @"综合政务\政务督查", "主动公开", "2018-12-31", "2018-06-15"),
            (fields.GetProperty("index_number").GetString(), fields.GetProperty("theme").GetString(),
                fields.GetProperty("attribute").GetString(), fields.GetProperty("deadline").GetString(),
                fields.GetProperty("progress_date").GetString()));
        Assert.Equal(item.GetProperty("id").GetString(), fields.GetProperty("index_number").GetString());
    }

    [Fact]
    public async Task The_rss_feed_is_rss_2_0_with_one_item_per_public_task()
    {
        var response = await _app.CreateClient().GetAsync("/public/feed.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(("rss", "2.0"), (rss.Name.LocalName, rss.Attribute("version")!.Value));
        var channel = rss.Element("channel")!;
        Assert.Equal("http://localhost/public", channel.Element("link")!.Value);
        var item = Assert.Single(channel.Elements("item"));
        Assert.Equal(_task.Name, item.Element("title")!.Value);
        var guid = item.Element("guid")!;
        Assert.Equal(("2018-00001", "false"), (guid.Value, guid.Attribute("isPermaLink")!.Value));
        Assert.True(DateTime.TryParseExact(item.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _), item.Element("pubDate")!.Value);
        Assert.Contains("已开工建设幼儿园18所。", item.Element("description")!.Value);
    }

    [Fact]
    public async Task Behind_a_proxy_under_a_path_over_https_every_link_and_feed_address_keeps_the_path_and_scheme()
    {
        using var proxied = new ProxiedApp();
        var task = proxied.Service<TaskRegistry>()
            .Create(new TaskDraft { Year = 2018, Name = "公开的任务" }, Actor.Console());
        proxied.Service<PublicDisclosure>().Publish(task.Code, "公开的进展", Actor.Console());
        var client = proxied.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await client.GetDocumentAsync("/luoshi/public");
        var links = page.QuerySelectorAll("a[href], link[href], form[action]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action")!).Where(l => l.StartsWith('/')).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/luoshi/", l));
        Assert.Contains("/luoshi/css/public.css", string.Join(" ", links));
        using var feed = JsonDocument.Parse(await client.GetStringAsync("/luoshi/public/feed.json"));
        Assert.Equal("https://localhost/luoshi/public", feed.RootElement.GetProperty("home_page_url").GetString());
        var rss = await client.GetStringAsync("/luoshi/public/feed.xml");
        Assert.Contains($"https://localhost/luoshi/public?year=2018#task-{task.Code}", rss);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/luoshi/public/export.xlsx?year=2018")).StatusCode);
    }

    [Fact]
    public async Task Elder_mode_is_switched_on_the_public_page_without_signing_in_and_never_without_the_forms_token()
    {
        var client = _app.NoRedirectClient();
        var page = await client.GetDocumentAsync("/public?year=2018");
        Assert.False(page.DocumentElement.ClassList.Contains("elder"));
        Assert.Null(page.QuerySelector(".site-header nav"));

        var forged = await client.PostAsync("/public?handler=ElderMode",
            new FormUrlEncodedContent([new("on", "true")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var on = await client.PostFormAsync("/public?year=2018", [new("on", "true"), new("year", "2018")],
            "/public?handler=ElderMode");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/public?year=2018", on.Headers.Location!.OriginalString);

        var elder = await client.GetDocumentAsync("/public?year=2018");
        Assert.True(elder.DocumentElement.ClassList.Contains("elder"));
        Assert.Equal("true", elder.QuerySelector(".elder-toggle button")!.GetAttribute("aria-pressed"));
        Assert.Contains(_task.Name, elder.Body!.TextContent);
    }

    /// <summary>The app behind a proxy that forwards the scheme and mounts it under /luoshi (its path base).</summary>
    private sealed class ProxiedApp : LuoshiWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:Enabled", "true");
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, MountedUnder>());
        }
    }

    private sealed class MountedUnder : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UsePathBase("/luoshi");
            next(app);
        };
    }
}
