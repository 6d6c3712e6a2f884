using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Journeys;

/// <summary>
/// Journey c: at year end the office exports the annual archive bundle: starts it, watches the progress page refresh
/// itself (a meta refresh, no script), then downloads a zipped BagIt bag.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnualBundleJourney(BrowserApp browser)
{
    [Fact]
    public async Task The_annual_bundle_is_started_its_progress_page_refreshes_itself_and_the_bag_is_downloaded()
    {
        await using var s = await browser.OpenAsync("annual-bundle");
        var page = s.Page;
        await s.SignInAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "归档", Exact = true }).ClickAsync();
        Assert.Equal("年度归档包", await s.TextAsync("h1"));
        await page.GetByLabel("年度").SelectOptionAsync("2018");
        await s.StepAsync("archive-page");

        // Count the page loads: the progress page reloads itself until the bundle is ready.
        var loads = 0;
        page.Load += (_, _) => loads++;
        await page.GetByRole(AriaRole.Button, new() { Name = "生成归档包" }).ClickAsync();
        Assert.Matches(@"/Archive\?job=[0-9a-f-]{36}$", page.Url);
        Assert.Equal("2018年度归档包", await s.TextAsync("section.job h2"));

        var download = page.GetByRole(AriaRole.Link, new() { Name = "下载归档包" });
        if (await page.Locator("progress").CountAsync() > 0)
        {
            // Still running: a progress bar with its label, and a meta refresh that brings the page back by itself.
            Assert.StartsWith("正在生成：", await s.TextAsync("label[for=bundle-progress]"));
            Assert.Equal("2", await page.Locator("meta[http-equiv=refresh]").GetAttributeAsync("content"));
            Assert.Contains("页面每 2 秒自动刷新", await s.TextAsync("section.job"));
            await s.StepAsync("progress");
            await download.WaitForAsync(new() { Timeout = 120_000 });
            Assert.True(loads >= 2, $"the page loaded {loads} times: it should have refreshed itself");
        }
        else
        {
            s.Note("the bundle was ready before the first progress page: no refresh to watch this time");
        }
        // Done: no more refreshing, the summary and the download.
        Assert.Equal(0, await page.Locator("meta[http-equiv=refresh]").CountAsync());
        Assert.Matches(new Regex(@"已生成：\d+ 项任务，\d+ 件材料。"), await s.TextAsync("section.job .ok"));
        // What the clerk relies on: "done" is a green status message (announced once the page stops refreshing), shown
        // in the first screen above the download link.
        var ready = await Visible.MessageAsync(page, "status");
        Assert.Matches(new Regex(@"^已生成：\d+ 项任务，\d+ 件材料。$"), ready.Text);
        Assert.Equal("rgb(30, 107, 47)", ready.BorderColor);
        Assert.True(ready.Box.Y + ready.Box.Height <= BrowserApp.Desktop.Height, $"the message is at y={ready.Box.Y}");
        var link = await download.BoundingBoxAsync();
        Assert.True(link is { Width: > 0 } && link.Y > ready.Box.Y, "the download link is not shown below the message");
        await s.StepAsync("ready");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Null(await file.FailureAsync());
        Assert.Matches(@"^2018年度归档包-\d{8}-\d{6}\.zip$", file.SuggestedFilename);
        using var zip = ZipFile.OpenRead(await file.PathAsync());
        var bag = zip.Entries[0].FullName.Split('/')[0];
        var bagit = zip.GetEntry(bag + "/bagit.txt");
        Assert.NotNull(bagit);
        using (var reader = new StreamReader(bagit.Open(), Encoding.UTF8))
            Assert.StartsWith("BagIt-Version: 1.0", await reader.ReadToEndAsync());
        Assert.NotNull(zip.GetEntry(bag + "/manifest-sha256.txt"));
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith(bag + "/data/", StringComparison.Ordinal));
        Assert.Empty(s.ConsoleErrors);
    }
}
