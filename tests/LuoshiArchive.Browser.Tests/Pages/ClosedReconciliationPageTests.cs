using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
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

    [Fact]
    public async Task The_office_returns_a_submitted_self_check_and_the_reason_reads_on_a_laptop_and_a_phone()
    {
        var office = browser.App.Service<OrganisationDirectory>().DepartmentNamed("办公室")!;
        var checks = browser.App.Service<SelfCheckService>();
        if (checks.Find(office.Id, 2018, 2)?.SubmittedAt is null)
        {
            var form = checks.Prepare(office.Id, 2018, 2);
            checks.Submit(office.Id, 2018, 2, form.Rows.Select(r =>
                new SelfCheckRowInput(r.TaskId, "按计划推进", null, null, SelfRating.Good)).ToList(), "",
                new Actor("办公室孙丽娜", UserRole.DepartmentUser, office.Id));
        }
        var url = $"/SelfChecks/{office.Id}/2018/2";

        await using var s = await browser.OpenSignedInAsync("self-check-return", BrowserApp.Laptop);
        await s.Page.GotoAsync(url);
        await s.Page.GetByLabel("退回原因").FillAsync("进展情况过简，请写明本月完成的具体工作和佐证材料。");
        await s.StepAsync("return-1366");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await s.Page.Locator(".returned").WaitForAsync();
        Assert.Contains("进展情况过简", await s.Page.Locator(".returned").InnerTextAsync());
        await s.StepAsync("returned-1366");

        await using var phone = await browser.OpenSignedInAsync("self-check-return-phone", BrowserApp.Phone);
        await phone.Page.GotoAsync(url);
        await phone.StepAsync("returned-375");
        await PageChecks.AssertNoHorizontalOverflowAsync(phone.Page);
        Assert.Empty(s.ConsoleErrors);
    }
}
