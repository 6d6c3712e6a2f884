using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Pages;

/// <summary>The search page opened without a query: no dead end, the archive to browse.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(BrowserApp browser)
{
    [Fact]
    public async Task Without_a_query_the_page_lists_recent_evidence_and_the_ways_to_browse_it()
    {
        await using var s = await browser.OpenSignedInAsync("search-browse");
        var page = s.Page;
        await page.GotoAsync("/Search");
        await s.StepAsync("browse");

        Assert.Matches(new Regex(@"^档案中共有 \d+ 件材料"), await s.TextAsync(".summary"));
        var facets = await page.Locator(".facets h2").AllInnerTextsAsync();
        Assert.Equal(["年度", "牵头处室", "材料类别", "清单类别", "任务"], facets.Select(f => f.Trim()));
        // Recent evidence, newest first: the seeded documents are there, each a link to its page.
        var dates = (await page.Locator(".hit .meta").AllInnerTextsAsync())
            .Select(m => Regex.Match(m, @"\d{4}-\d{2}-\d{2}").Value).Where(d => d.Length > 0).ToList();
        Assert.True(dates.Count >= 3, string.Join(",", dates));
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.True(await page.Locator(".hit h3 a", new() { HasText = browser.Seed.AfterSchoolReport.Title }).IsVisibleAsync());

        // A facet narrows the list: one department's material.
        var department = page.Locator(".facets section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "牵头处室" }) })
            .Locator("li", new() { HasText = "教育督导室" });
        var count = (await department.Locator(".count").InnerTextAsync()).Trim();
        await department.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("department="));
        Assert.Equal($"共找到 {count} 件。", await s.TextAsync(".summary"));
        await s.StepAsync("one-department");
    }
}
