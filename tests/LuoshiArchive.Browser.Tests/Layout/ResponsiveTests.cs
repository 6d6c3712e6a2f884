using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Layout;

/// <summary>On a 1280×800 desktop and a 375×812 phone the pages never scroll sideways; wide tables scroll in their own box.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsiveTests(BrowserApp browser)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "desktop", "/Tasks" }, { "desktop", "/Search?q=长效机制" }, { "desktop", "/Tasks/{task}" },
        { "phone", "/Tasks" }, { "phone", "/Search?q=长效机制" }, { "phone", "/Tasks/{task}" },
        { "desktop", "/" }, { "phone", "/" }, { "phone", "/Meetings" }, { "phone", "/OneTable" }, { "phone", "/Evidence/{evidence}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_does_not_scroll_sideways(string device, string path)
    {
        var viewport = device == "phone" ? BrowserApp.Phone : BrowserApp.Desktop;
        var url = path.Replace("{task}", browser.Seed.ArchiveTask).Replace("{evidence}", browser.Seed.Notice.Id.ToString());
        await using var s = await browser.OpenSignedInAsync($"responsive-{device}{string.Concat(path.Split('?')[0].Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}", viewport);
        await s.Page.GotoAsync(url);
        Assert.Equal(viewport.Width, await s.Page.EvaluateAsync<int>("() => window.innerWidth"));
        await s.StepAsync(device);
        await PageChecks.AssertNoHorizontalOverflowAsync(s.Page);
        // The navigation is all there and inside the screen: every link, scrolled into view in its menu row (one row
        // that scrolls by itself on a phone), lies inside the screen; the page itself does not scroll sideways.
        foreach (var link in await s.Page.Locator("nav[aria-label=主导航] a").AllAsync())
        {
            await link.ScrollIntoViewIfNeededAsync();
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= viewport.Width, $"{await link.InnerTextAsync()} at x={box.X}");
        }
        // A wide table is inside a box that scrolls by itself.
        foreach (var table in await s.Page.Locator("main table").AllAsync())
        {
            var box = await table.BoundingBoxAsync();
            if (box is null || box.X + box.Width <= viewport.Width) continue;
            Assert.True(await table.EvaluateAsync<bool>("t => !!t.closest('.table-scroll')"), "a table wider than the screen is not in a scrolling box");
        }
    }

    [Fact]
    public async Task The_sideways_check_notices_an_element_wider_than_the_screen()
    {
        await using var s = await browser.OpenSignedInAsync("responsive-self-check", BrowserApp.Phone);
        await s.Page.GotoAsync("/Tasks");
        await s.Page.EvaluateAsync("() => { const d = document.createElement('div'); d.className = 'too-wide'; d.style.width = '600px'; d.textContent = '宽'; document.querySelector('main').append(d); }");
        var (overflows, scroll, inner, culprits) = await PageChecks.HorizontalOverflowAsync(s.Page);
        Assert.True(overflows, $"{scroll} <= {inner}");
        Assert.Contains("div.too-wide", culprits);
    }
}
