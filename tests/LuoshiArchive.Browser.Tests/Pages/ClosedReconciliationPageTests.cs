using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Pages;

/// <summary>
/// 对账结账 in a browser: the office closes March 2018 from the reconciliation page and lands on the kept record; the
/// record and the list read at 1366 px and at 375 px without sideways scrolling, with no serious axe finding.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClosedReconciliationPageTests(BrowserApp browser)
{
    [Fact]
    public async Task The_office_closes_a_month_and_reads_the_kept_record_on_a_laptop_and_a_phone()
    {
        await using var s = await browser.OpenSignedInAsync("closed-reconciliation", BrowserApp.Laptop);
        var page = s.Page;
        await page.GotoAsync("/Reconciliation?year=2018&month=3");
        await s.StepAsync("reconciliation-1366");
        var close = page.GetByRole(AriaRole.Button, new() { Name = "结账（关闭本期对账）" });
        if (await close.CountAsync() == 1) await close.ClickAsync();
        else await page.GetByRole(AriaRole.Link, new() { Name = "查看对账记录和处室答复" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Reconciliation/Closed/\d+$"));

        Assert.Equal("对账记录：2018年3月", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("答复期限", await page.Locator(".answer-due").InnerTextAsync());
        Assert.True(await page.Locator("table.closed tbody tr").CountAsync() > 0);
        await s.StepAsync("record-1366");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        Assert.Empty((await PageChecks.AccessibilityProblemsAsync(page)).Serious);
        var record = page.Url;

        await using var phone = await browser.OpenSignedInAsync("closed-reconciliation-phone", BrowserApp.Phone);
        foreach (var (url, step) in new[] { (record, "record-375"), ("/Reconciliation/Closed", "list-375") })
        {
            await phone.Page.GotoAsync(url);
            await phone.StepAsync(step);
            await PageChecks.AssertNoHorizontalOverflowAsync(phone.Page);
        }
        Assert.Contains("2018年3月", await phone.Page.Locator("table.closed-reconciliations").InnerTextAsync());
        Assert.Empty(s.ConsoleErrors);
        Assert.Empty(phone.ConsoleErrors);
    }
}
