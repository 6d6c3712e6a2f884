using System.Globalization;
using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Layout;

/// <summary>长者模式: one button in the header makes text and controls larger and darker, for this user, until turned off.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ElderModeTests(BrowserApp browser)
{
    [Fact]
    public async Task Elder_mode_enlarges_text_and_controls_without_sideways_scrolling_and_stays_on_after_signing_in_again()
    {
        Seed.CreateLeader(browser.App, "elder", "王建国");
        await using var s = await browser.OpenAsync("elder-mode");
        var page = s.Page;
        await s.SignInAsync("elder");
        var task = $"/Tasks/{browser.Seed.BalancedEducationTask}";
        const string search = "/Search?q=长效机制";
        await page.GotoAsync(search);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "长者模式" });
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        var before = await SizesAsync(page);
        await s.StepAsync("normal");

        await toggle.ClickAsync();
        await page.Locator("html.elder").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.EndsWith("/Search?q=%E9%95%BF%E6%95%88%E6%9C%BA%E5%88%B6", page.Url);
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        var after = await SizesAsync(page);
        Assert.True(after.Text >= before.Text * 1.2, $"text {before.Text}px → {after.Text}px");
        Assert.True(after.Heading > before.Heading, $"heading {before.Heading}px → {after.Heading}px");
        Assert.True(after.ButtonHeight > before.ButtonHeight, $"button {before.ButtonHeight}px → {after.ButtonHeight}px high");
        Assert.True(after.InputBorder > before.InputBorder, $"input border {before.InputBorder}px → {after.InputBorder}px");
        await s.StepAsync("elder-search");

        foreach (var path in new[] { task, "/Tasks", search, "/OneTable", "/Meetings", "/Inspection?department=1", "/Audit" })
        {
            await page.GotoAsync(path);
            await PageChecks.AssertNoHorizontalOverflowAsync(page);
            Assert.Equal(after.Text, (await SizesAsync(page)).Text);
        }
        await page.GotoAsync(task);
        await s.StepAsync("elder-task");
        var (problems, _) = await PageChecks.AccessibilityProblemsAsync(page);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // It belongs to the account: still on after signing out and in again; other users are not affected.
        // The sign-in page, where nobody is signed in yet, keeps the mode this browser's user chose.
        await s.SignOutAsync();
        Assert.Equal(after.Text, (await SizesAsync(page)).Text);
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        await s.StepAsync("sign-in-page-elder");
        await s.SignInAsync("elder");
        Assert.Equal(after.Text, (await SizesAsync(page)).Text);
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        await s.StepAsync("signed-in-again");
        await using (var fresh = await browser.OpenAsync("elder-mode-sign-in-page"))
        {
            // Another browser's sign-in page starts normal, and has its own 长者模式 button.
            await fresh.Page.GotoAsync("/Account/Login");
            Assert.Equal(before.Text, (await SizesAsync(fresh.Page)).Text);
            await fresh.Page.GetByRole(AriaRole.Button, new() { Name = "长者模式" }).ClickAsync();
            await fresh.Page.Locator("html.elder").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            Assert.Equal(after.Text, (await SizesAsync(fresh.Page)).Text);
            await PageChecks.AssertNoHorizontalOverflowAsync(fresh.Page);
            await fresh.StepAsync("elder");
        }
        await using (var other = await browser.OpenSignedInAsync("elder-mode-other-user"))
        {
            await other.Page.GotoAsync("/Tasks");
            Assert.Equal(before.Text, (await SizesAsync(other.Page)).Text);
        }

        await toggle.ClickAsync();
        await page.Locator("html:not(.elder)").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.Equal(before.Text, (await SizesAsync(page)).Text);
        await s.StepAsync("off-again");
        Assert.True(s.ConsoleErrors.Count == 0, string.Join("\n", s.ConsoleErrors));
    }

    private sealed record Sizes(double Text, double Heading, double ButtonHeight, double InputBorder);

    private static async Task<Sizes> SizesAsync(IPage page)
    {
        var values = await page.EvaluateAsync<string[]>("""
            () => {
              const px = (e, p) => e ? getComputedStyle(e)[p] : '0px';
              const button = document.querySelector('main button, header button');
              return [px(document.querySelector('main p') || document.body, 'fontSize'), px(document.querySelector('h1'), 'fontSize'),
                      String(button ? button.getBoundingClientRect().height : 0), px(document.querySelector('main input:not([type=hidden]), main select'), 'borderTopWidth')];
            }
            """);
        double Px(string v) => double.Parse(v.Replace("px", ""), CultureInfo.InvariantCulture);
        return new Sizes(Px(values[0]), Px(values[1]), Px(values[2]), Px(values[3]));
    }
}
