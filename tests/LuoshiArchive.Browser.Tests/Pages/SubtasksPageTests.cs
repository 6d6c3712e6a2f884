using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Pages;

/// <summary>
/// 细化分解 in a browser: the office adds a child task from the task page's “添加子任务” form; the parent lists its
/// children (one overdue, so the parent shows red and says why) and the child shows the way up; the one-table view
/// switches between the tree and the leaves. At 1366 px and 375 px nothing scrolls sideways. The tree lives in 2017 so
/// that the shared 2018 seed of the other browser tests is untouched.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SubtasksPageTests(BrowserApp browser)
{
    [Fact]
    public async Task The_office_decomposes_a_task_and_reads_the_tree_on_the_task_page_and_in_the_one_table()
    {
        var directory = browser.App.Service<OrganisationDirectory>();
        var office = directory.DepartmentNamed("办公室")!;
        var tasks = browser.App.Service<TaskRegistry>();
        var parent = tasks.Create(new TaskDraft
        {
            Year = 2017, Name = "推进全委重点任务细化分解、层层压实", LeadDepartmentId = office.Id, Target = "各处室分解到位",
            Standard = "处室清单全覆盖", Deadline = new DateOnly(2018, 12, 31), Status = KeyTaskStatus.InProgress,
        }, Actor.Console());
        var late = tasks.AddChild(parent.Code, new TaskDraft
        {
            Name = "办公室处室清单：汇总各处室分解表", LeadDepartmentId = office.Id, Deadline = new DateOnly(2018, 5, 31),
            Status = KeyTaskStatus.InProgress,
        }, Actor.Console());
        tasks.AddChild(late.Code, new TaskDraft
            { Name = "印发分解表样", LeadDepartmentId = office.Id, Deadline = new DateOnly(2018, 5, 20) }, Actor.Console());

        await using var s = await browser.OpenSignedInAsync("subtasks", BrowserApp.Laptop);
        var page = s.Page;
        await page.GotoAsync($"/Tasks/{parent.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "添加子任务", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/Tasks/Edit\?parent={parent.Code}$"));
        await s.StepAsync("add-child-form");
        await page.GetByLabel("任务名称").FillAsync("基础教育处处室清单：学区化办学分解");
        await page.GetByLabel("完成时限").FillAsync("2018-11-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/Tasks/{parent.Code}-2$"));
        Assert.Contains(parent.Code, await page.Locator("nav.breadcrumb").InnerTextAsync());

        foreach (var (size, viewport) in new[] { ("1366", BrowserApp.Laptop), ("375", BrowserApp.Phone) })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await page.GotoAsync($"/Tasks/{parent.Code}");
            var children = page.Locator("section.subtasks tbody tr");
            Assert.Equal(3, await children.CountAsync());
            Assert.Contains($"因子任务 {late.Code} 逾期", await page.Locator(".status-line").InnerTextAsync());
            await s.StepAsync($"parent-{size}");
            await PageChecks.AssertNoHorizontalOverflowAsync(page);
            await page.GotoAsync($"/Tasks/{late.Code}-1");
            await s.StepAsync($"grandchild-{size}");
            await PageChecks.AssertNoHorizontalOverflowAsync(page);
            await page.GotoAsync("/OneTable?year=2017");
            Assert.Equal(4, await page.Locator("table.onetable tbody tr").CountAsync());
            await s.StepAsync($"onetable-tree-{size}");
            await PageChecks.AssertNoHorizontalOverflowAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "仅末级任务" }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/OneTable\?year=2017&view=leaves$"));
            Assert.Equal(2, await page.Locator("table.onetable tbody tr").CountAsync());
            await s.StepAsync($"onetable-leaves-{size}");
            await PageChecks.AssertNoHorizontalOverflowAsync(page);
        }
        Assert.Empty(s.ConsoleErrors);
    }
}
