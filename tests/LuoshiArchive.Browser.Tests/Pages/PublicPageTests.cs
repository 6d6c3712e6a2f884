using System.Globalization;
using LuoshiArchive.Browser.Tests.Infrastructure;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Core.Tasks;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Pages;

/// <summary>
/// /public in a browser nobody signed in to, at 1366 and 375 px: the public tasks with their progress and catalogue
/// metadata, no internal navigation; 长者模式 switched on from the page itself; axe finds nothing serious or critical in
/// either mode, nothing scrolls sideways, and no script or style is blocked (CSP).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPageTests(BrowserApp browser)
{
    public static TheoryData<string> Widths => ["laptop", "phone"];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_public_page_works_without_signing_in_in_elder_mode_with_no_serious_accessibility_problem(
        string width)
    {
        var task = Published(browser.Seed.AfterSchoolTask, "全市中小学已全部开展课后服务，覆盖学生约60万人。");
        await using var s = await browser.OpenAsync($"public-page-{width}",
            width == "phone" ? BrowserApp.Phone : BrowserApp.Laptop);
        var page = s.Page;

        var response = await page.GotoAsync("/public?year=2018");
        Assert.Equal(200, response!.Status);
        Assert.Equal("2018年重大事项进展情况", await s.TextAsync("h1"));
        var article = page.Locator($"#task-{task.Code}");
        Assert.Contains(task.Name, await article.InnerTextAsync());
        Assert.Contains("全市中小学已全部开展课后服务", await article.InnerTextAsync());
        Assert.Contains("主动公开", await article.InnerTextAsync());
        Assert.Equal(0, await page.Locator(".site-header nav, a[href^='/Tasks'], .account-tools").CountAsync());
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        var before = await TextSizeAsync(page);
        await CheckAccessibilityAsync(s, "normal");

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "长者模式" });
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        await toggle.ClickAsync();
        await page.Locator("html.elder").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.EndsWith("/public?year=2018", page.Url);
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.True(await TextSizeAsync(page) >= before * 1.2, $"text {before}px → {await TextSizeAsync(page)}px");
        Assert.Contains("全市中小学已全部开展课后服务", await page.Locator($"#task-{task.Code}").InnerTextAsync());
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await CheckAccessibilityAsync(s, "elder");

        // The choice stays with this browser on the next visit.
        await page.GotoAsync("/public");
        Assert.Equal(1, await page.Locator("html.elder").CountAsync());
        Assert.True(s.ConsoleErrors.Count == 0, string.Join("\n", s.ConsoleErrors));
    }

    private KeyTask Published(string code, string wording)
    {
        var task = browser.App.Service<TaskRegistry>().Find(code)!;
        var disclosure = browser.App.Service<PublicDisclosure>();
        if (disclosure.Of(task.Id) is not { IsPublic: true }) disclosure.Publish(code, wording, Actor.Console("办公室"));
        return task;
    }

    private static async Task CheckAccessibilityAsync(Session s, string step)
    {
        await s.StepAsync(step);
        var (serious, others) = await PageChecks.AccessibilityProblemsAsync(s.Page);
        foreach (var finding in others) s.Note($"{step}: {finding}");
        Assert.True(serious.Count == 0, $"{step}:\n" + string.Join("\n", serious));
    }

    private static async Task<double> TextSizeAsync(IPage page) =>
        double.Parse((await page.EvalOnSelectorAsync<string>("main p", "e => getComputedStyle(e).fontSize"))
            .Replace("px", ""), CultureInfo.InvariantCulture);
}
