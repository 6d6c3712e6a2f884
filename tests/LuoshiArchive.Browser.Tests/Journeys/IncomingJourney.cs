using System.Text;
using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Journeys;

/// <summary>
/// Journey: a 政协提案 arrives and is registered with its file, the office writes the 拟办意见, types in the leader's
/// paper 批示, and assigns it to a new task of the lead department; the register shows it 已交办. At 1366 and 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IncomingJourney(BrowserApp browser)
{
    [Fact]
    public async Task A_proposal_is_registered_proposed_instructed_and_assigned_to_a_new_task()
    {
        await using var s = await browser.OpenAsync("incoming");
        var page = s.Page;
        await s.SignInAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "来文", Exact = true }).ClickAsync();
        Assert.Equal("来文来件登记（2018年）", await s.TextAsync("h1"));
        await page.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "政协提案" });
        await page.GetByLabel("来文单位").FillAsync("市政协委员张华");
        await page.GetByLabel("文号").FillAsync("第0123号");
        await page.GetByLabel("标题").FillAsync("关于推进中小学课后服务的提案");
        await page.GetByLabel("收文日期").FillAsync("2018-06-01");
        await page.GetByLabel("来文文件").SetInputFilesAsync(new FilePayload
        {
            Name = "提案.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("建议扩大课后服务覆盖面。"),
        });
        await s.StepAsync("register-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/Incoming/\d+$"));
        Assert.Contains("待拟办", await s.TextAsync("dl.facts"));
        Assert.Contains("2018-09-01", await s.TextAsync("dl.facts")); // three months to reply
        await page.GetByLabel("拟办意见").FillAsync("拟请办公室牵头办理，报王建国同志阅示。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存拟办意见" }).ClickAsync();
        Assert.Contains("待批示", await s.TextAsync("dl.facts"));

        await page.GetByLabel("作出批示的委领导").FillAsync("王建国");
        await page.GetByLabel("批示内容").FillAsync("请认真研究，按时答复委员。");
        await s.StepAsync("instruction-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录批示" }).ClickAsync();
        Assert.Contains("王建国", await s.TextAsync("dl.facts"));

        await page.GetByLabel("牵头处室").SelectOptionAsync(new SelectOptionValue { Label = "办公室" });
        await page.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        Assert.Contains("已交办", await s.TextAsync("dl.facts"));
        Assert.Contains("关于推进中小学课后服务的提案", await s.TextAsync("section[aria-labelledby=h-dossier]"));
        foreach (var (size, viewport) in new[] { ("1366", BrowserApp.Laptop), ("375", BrowserApp.Phone) })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await s.StepAsync("assigned-" + size);
            await PageChecks.AssertNoHorizontalOverflowAsync(page);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "返回来文来件登记" }).ClickAsync();
        var row = page.Locator("table.data tbody tr", new() { HasText = "关于推进中小学课后服务的提案" });
        Assert.Contains("已交办", await row.InnerTextAsync());
        await s.StepAsync("register-375");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        Assert.Empty(s.ConsoleErrors);
    }
}
