using System.Text.RegularExpressions;
using LuoshiArchive.Web.Tests.Pages.Supervision;

namespace LuoshiArchive.Web.Tests.Pages.Home;

/// <summary>The home page: the year's dashboard (every number a link to the tasks behind it) and the user's reminders.</summary>
public partial class DashboardTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly SupervisionSeed _seed;

    public DashboardTests(LuoshiWebFactory app)
    {
        _app = app;
        _seed = new SupervisionSeed(app);
    }

    [Fact]
    public async Task Every_number_on_the_dashboard_opens_the_list_of_exactly_the_tasks_it_counts()
    {
        var client = await SupervisionSeed.SignedIn(_app, LuoshiWebFactory.AdminName);

        var home = await client.GetDocumentAsync("/");

        Assert.Contains("工作台（2018年）", home.QuerySelector("h1")!.TextContent);
        // Table cells show the number as their text; chart bars as their <text> label.
        var links = home.QuerySelectorAll(".dashboard a[href^='/Tasks']")
            .Select(a => (Href: a.GetAttribute("href")!, Number: (a.QuerySelector("text") ?? a).TextContent.Trim())).ToList();
        Assert.True(links.Count > 40, $"only {links.Count} task links");
        foreach (var group in links.GroupBy(l => l.Href))
        {
            var list = await client.GetDocumentAsync(group.Key);
            var shown = Summary().Match(list.QuerySelector("p.summary")!.TextContent).Groups[1].Value;
            Assert.All(group, l => Assert.True(l.Number == shown, $"{l.Href}: dashboard says {l.Number}, list shows {shown}"));
        }
        var total = home.QuerySelectorAll(".figure-row a.figure").First();
        Assert.Equal("4", total.TextContent.Trim());
        var office = home.QuerySelectorAll("table.figures tbody tr").First(r => r.TextContent.Contains("办公室"));
        Assert.Equal(["3", "1", "33%", "1"], office.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task The_charts_are_svg_drawn_on_the_server_with_patterns_numbers_and_links_and_no_inline_style()
    {
        var client = await SupervisionSeed.SignedIn(_app, LuoshiWebFactory.AdminName);

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var home = BrowserLikeClient.Parse(html);

        var charts = home.QuerySelectorAll("svg.chart").ToList();
        Assert.Equal(4, charts.Count);
        Assert.All(charts, c => Assert.NotNull(c.QuerySelector("title")));
        Assert.All(charts, c => Assert.True(c.QuerySelectorAll("pattern").Length >= 1));
        var bars = home.QuerySelectorAll("svg.chart a").ToList();
        Assert.All(bars, a => Assert.StartsWith("/Tasks?year=2018", a.GetAttribute("href")));
        Assert.All(bars, a => Assert.Matches(@"^\d+$", a.QuerySelector("text")!.TextContent));
        Assert.DoesNotContain("style=", html);
        // The charts need no script; the one script of every page is the app's own file (no inline code, no CDN).
        Assert.All(home.QuerySelectorAll("script"), s => Assert.StartsWith("/js/site.js", s.GetAttribute("src")));
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_department_user_sees_their_departments_reminders_on_the_home_page()
    {
        var office = await (await SupervisionSeed.SignedIn(_app, "clerk")).GetDocumentAsync("/");
        var basic = await (await SupervisionSeed.SignedIn(_app, "basicclerk")).GetDocumentAsync("/");

        var reminders = office.QuerySelector(".reminders-home")!.TextContent;
        Assert.Contains("已逾期", reminders);
        Assert.Contains("制定落实长效机制实施方案", reminders); // its deadline passed on 2018-06-01
        Assert.Contains("3天内到期", reminders);
        Assert.Contains("形成台账初稿", reminders); // due 2018-06-17
        Assert.DoesNotContain("形成台账初稿", basic.QuerySelector(".reminders-home")!.TextContent);
        Assert.Contains("没有到期", basic.QuerySelector(".reminders-home")!.TextContent);
    }

    [Fact]
    public async Task The_navigation_offers_supervision_by_role()
    {
        async Task<List<(string Text, string Href)>> Nav(string account) =>
            (await (await SupervisionSeed.SignedIn(_app, account)).GetDocumentAsync("/")).QuerySelectorAll("nav a")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? "")).ToList();
        var clerk = await Nav("clerk");
        var supervisor = await Nav("supervisor");
        var leader = await Nav("leader");

        Assert.Contains(("督办", "/Supervision"), clerk);
        Assert.Contains(clerk, a => a.Text == "自查自评");
        // A department answers its rows of the closed reconciliations; only the office closes one.
        Assert.Contains(("对账", "/Reconciliation/Closed"), clerk);
        Assert.DoesNotContain(clerk, a => a.Text == "季度报告");
        Assert.Contains(("对账", "/Reconciliation"), supervisor);
        Assert.Contains(leader, a => a.Text == "季度报告");
        Assert.Contains(("对账", "/Reconciliation/Closed"), leader);
    }

    [GeneratedRegex(@"共 (\d+) 项")]
    private static partial Regex Summary();
}
