using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Accessibility;

/// <summary>Someone without a mouse: Tab reaches the controls that matter, Enter submits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserApp browser)
{
    [Fact]
    public async Task On_the_search_page_the_keyboard_alone_searches_narrows_and_opens_a_hit()
    {
        await using var s = await browser.OpenAsync("keyboard-search");
        var page = s.Page;
        await s.SignInAsync();
        await page.GotoAsync("/Search");

        // The search box has the focus on arrival: type and press Enter.
        var box = page.GetByRole(AriaRole.Searchbox);
        Assert.True(await PageChecks.HasFocusAsync(box), "the search box should have the focus when the page opens");
        await page.Keyboard.TypeAsync(Seed.SharedPhrase);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/Search\?q="));
        Assert.Matches(@"^共找到 \d+ 件", await s.TextAsync(".summary"));
        await s.StepAsync("results");

        // From the box, Tab reaches the search button, the filters, then the department facet and the first hit.
        await box.FocusAsync();
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }), max: 3);
        await PageChecks.TabToAsync(page, page.GetByLabel("起始日期"), max: 3);
        // (a date box takes one Tab per part: year, month, day)
        await PageChecks.TabToAsync(page, page.GetByLabel("排序"), max: 8);
        var facet = page.Locator(".facets a", new() { HasText = "教育督导室" });
        await PageChecks.TabToAsync(page, facet, max: 40);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("department="));
        Assert.Equal("共找到 1 件。", await s.TextAsync(".summary"));
        await s.StepAsync("narrowed");

        await page.GetByRole(AriaRole.Searchbox).FocusAsync();
        var firstHit = page.Locator(".hit h3 a").First;
        await PageChecks.TabToAsync(page, firstHit, max: 40);
        await s.StepAsync("hit-focused");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/Evidence/\d+"));
        Assert.Equal(browser.Seed.BalancedNotice.Title, await s.TextAsync("h1"));
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "下载原件" }), max: 30);
        await s.StepAsync("evidence");
    }

    [Fact]
    public async Task On_a_task_page_the_skip_link_leads_to_the_content_and_the_keyboard_marks_a_milestone_with_its_proof_and_uploads()
    {
        await using var s = await browser.OpenAsync("keyboard-task");
        var page = s.Page;
        await s.SignInAsync();
        var code = browser.Seed.AfterSchoolTask;
        await page.GotoAsync($"/Tasks/{code}");

        // The first Tab shows the skip link; Enter on it jumps past the navigation.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "跳到正文" });
        Assert.True(await PageChecks.HasFocusAsync(skip));
        Assert.True(await skip.IsVisibleAsync());
        await s.StepAsync("skip-link");
        await page.Keyboard.PressAsync("Enter");
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }), max: 2);

        // Tab on to the first open milestone's 标记完成; Enter opens its proof page, where the keyboard picks the dossier's
        // document as the proof and Enter on the button marks the step done.
        var open = page.Locator(".milestones li", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "标记完成" }) }).First;
        var milestone = (await open.Locator("span").First.InnerTextAsync()).Trim();
        await PageChecks.TabToAsync(page, open.GetByRole(AriaRole.Link, new() { Name = "标记完成" }), max: 20);
        await s.StepAsync("milestone-focused");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex($"/Tasks/{code}/Milestones/"));
        Assert.Contains("时间节点：", await s.TextAsync("h1"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await PageChecks.HasFocusAsync(page.GetByRole(AriaRole.Link, new() { Name = "跳到正文" })));
        await page.Keyboard.PressAsync("Enter");
        var proof = page.GetByRole(AriaRole.Checkbox, new() { Name = browser.Seed.AfterSchoolReport.Title });
        await PageChecks.TabToAsync(page, proof, max: 20);
        await page.Keyboard.PressAsync("Space");
        Assert.True(await proof.IsCheckedAsync());
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "标记完成" }), max: 6);
        await s.StepAsync("proof-chosen");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex($"/Tasks/{code}(#main)?$"));
        Assert.Equal("时间节点已标记为完成，佐证材料已关联。", await s.TextAsync("p.notice"));
        Assert.Contains("已完成（2018-06-15）", await page.Locator(".milestones li", new() { HasText = milestone }).InnerTextAsync());
        await s.StepAsync("milestone-done");

        // The upload form: the file chooser, the kind, the button, in that order; Enter on the button uploads.
        var files = page.Locator("form.dossier-upload").GetByLabel("添加佐证材料");
        await PageChecks.TabToAsync(page, files, max: 30);
        await files.SetInputFilesAsync(new FilePayload
        {
            Name = "课后服务专项督导记录.txt", MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("课后服务专项督导记录\n2018年6月14日在河西区三所小学实地检查课后服务开展情况。\n"),
        });
        await PageChecks.TabToAsync(page, page.Locator("form.dossier-upload").GetByLabel("材料类别"), max: 2);
        await page.Keyboard.PressAsync("ArrowDown");
        await PageChecks.TabToAsync(page, page.Locator("form.dossier-upload").GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }), max: 2);
        await page.Keyboard.PressAsync("Enter");
        // The same address comes back (the upload redirects to the task page): wait for the new page's message.
        await page.Locator("p.notice", new() { HasText = "课后服务专项督导记录.txt" }).WaitForAsync();
        Assert.Contains("“课后服务专项督导记录.txt”：已保存。", await s.TextAsync("p.notice"));
        Assert.Contains("课后服务专项督导记录", await s.TextAsync("section[aria-labelledby=h-dossier] table"));
        await s.StepAsync("uploaded");
    }
}
