using LuoshiArchive.Browser.Tests.Infrastructure;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Pages;

/// <summary>
/// The year-end pages in a browser, at 1366 px and 375 px: 年度结转 (ticking a task and carrying it; both task pages
/// link), 校验与导入归档包 (the upload form), and withdrawing a 督办单 with its reason — no sideways scrolling, fields as
/// wide as their content needs, no serious axe finding.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class YearEndPagesTests(BrowserApp browser)
{
    private static readonly Actor Console = Actor.Console("浏览器测试");

    // Years 2015 and 2016 (the carried task lands in 2016): other browser tests count the 2017 and 2018 lists.

    private KeyTask Task2015(string code, string name)
    {
        var tasks = browser.App.Service<TaskRegistry>();
        var basic = browser.App.Service<OrganisationDirectory>().Departments()[0];
        return tasks.Find(code) ?? tasks.Create(new TaskDraft
        {
            Code = code, Year = 2015, Name = name, LeadDepartmentId = basic.Id, Target = "全覆盖", Standard = "验收合格",
            Deadline = new DateOnly(2015, 12, 31), Status = KeyTaskStatus.InProgress,
        }, Console);
    }

    [Fact]
    public async Task The_office_carries_a_task_into_the_next_year_on_a_laptop_and_reads_the_page_on_a_phone()
    {
        var task = Task2015("2015-901", "推进集团化办学（结转演示）");
        await using var s = await browser.OpenSignedInAsync("carry-over", BrowserApp.Laptop);
        await s.Page.GotoAsync("/Tasks/CarryOver?year=2015");
        await s.StepAsync("carry-over-1366");
        await PageChecks.AssertNoHorizontalOverflowAsync(s.Page);
        Assert.Empty((await PageChecks.AccessibilityProblemsAsync(s.Page)).Serious);
        var box = s.Page.GetByRole(AriaRole.Checkbox, new() { Name = task.Code, Exact = false });
        await box.CheckAsync();
        Assert.Empty(await FormChecks.SqueezedFieldsAsync(s.Page));

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "结转所选任务" }).ClickAsync();
        await s.Page.Locator(".notice").WaitForAsync();
        Assert.Contains("到2016年度", await s.Page.Locator(".notice").InnerTextAsync());
        await s.StepAsync("carried-1366");
        await s.Page.GotoAsync($"/Tasks/{task.Code}");
        await s.Page.Locator(".notice.carried a").ClickAsync();
        Assert.Contains("由 2015 年度任务结转", await s.Page.Locator(".hint.carried").InnerTextAsync());
        await s.StepAsync("carried-task-1366");

        await using var phone = await browser.OpenSignedInAsync("carry-over-phone", BrowserApp.Phone);
        await phone.Page.GotoAsync("/Tasks/CarryOver?year=2015");
        await phone.StepAsync("carry-over-375");
        await PageChecks.AssertNoHorizontalOverflowAsync(phone.Page);
        Assert.Empty(s.ConsoleErrors);
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task The_bundle_import_page_and_a_withdrawal_read_on_a_laptop_and_a_phone()
    {
        var task = Task2015("2015-902", "完善课后服务（督办演示）");
        var order = browser.App.Service<SupervisionService>().Issue(new SupervisionOrderDraft
            { TaskCode = task.Code, What = "报送课后服务推进情况", Due = new DateOnly(2018, 6, 30) }, Console);
        foreach (var (viewport, width) in new[] { (BrowserApp.Laptop, "1366"), (BrowserApp.Phone, "375") })
        {
            await using var s = await browser.OpenSignedInAsync("year-end-" + width, viewport);
            await s.Page.GotoAsync("/Archive/Import");
            await s.StepAsync("import-" + width);
            await PageChecks.AssertNoHorizontalOverflowAsync(s.Page);
            Assert.Empty((await PageChecks.AccessibilityProblemsAsync(s.Page)).Serious);
            await s.Page.GotoAsync($"/Supervision/{order.Id}");
            Assert.Empty(await FormChecks.SqueezedFieldsAsync(s.Page));
            await s.StepAsync("withdraw-" + width);
            await PageChecks.AssertNoHorizontalOverflowAsync(s.Page);
            Assert.Empty(s.ConsoleErrors);
        }

        await using var laptop = await browser.OpenSignedInAsync("withdraw", BrowserApp.Laptop);
        await laptop.Page.GotoAsync($"/Supervision/{order.Id}");
        await laptop.Page.GetByLabel("撤回理由").FillAsync("督办事项已在月度推进会上议定，另行下发");
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "撤回督办单" }).ClickAsync();
        await laptop.Page.Locator(".status-line .order-withdrawn").WaitForAsync();
        Assert.Contains("已撤回", await laptop.Page.Locator(".status-line").InnerTextAsync());
        await laptop.StepAsync("withdrawn-1366");
    }
}
