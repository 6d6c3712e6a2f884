using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Notifications;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Pages;

/// <summary>
/// A clerk of 办公室 sets their e-mail address and notice choices on the account page by hand, then reads the notice
/// of a 督办单 in the 站内消息, on the office's laptop (1366 px) and on a phone (375 px): nothing scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountMessagesTests(BrowserApp browser)
{
    private const string Clerk = "bgs-lisi";

    [Theory]
    [InlineData("laptop")]
    [InlineData("phone")]
    public async Task A_clerk_sets_an_address_by_hand_and_reads_a_supervision_order_in_the_messages(string device)
    {
        var name = $"{Clerk}-{device}";
        var office = browser.App.Service<OrganisationDirectory>().DepartmentNamed("办公室")!;
        browser.App.Service<AccountService>().Create(name, "李四", Seed.AdminPassword, UserRole.DepartmentUser,
            office.Id, Actor.Console());
        await using var s = await browser.OpenAsync($"account-messages-{device}",
            device == "phone" ? BrowserApp.Phone : BrowserApp.Laptop);
        await s.SignInAsync(name, Seed.AdminPassword);
        var page = s.Page;

        await page.GotoAsync("/Account");
        await page.GetByLabel("电子邮箱").FillAsync("lisi@bgs"); // the browser lets it through; the app does not
        await page.GetByRole(AriaRole.Button, new() { Name = "保存通知设置" }).ClickAsync();
        Assert.Contains("格式不正确", await page.Locator(".errors, [role=alert]").First.InnerTextAsync());
        Assert.Equal("", browser.App.Service<AccountService>().Find(name)!.Email);
        await page.GetByLabel("电子邮箱").FillAsync("lisi@bgs.example.gov.cn");
        await page.GetByLabel("每日催办汇总（已逾期、3天内和7天内到期的事项）").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存通知设置" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account$"));
        await s.StepAsync("account");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        Assert.Equal("lisi@bgs.example.gov.cn", await page.GetByLabel("电子邮箱").InputValueAsync());
        Assert.False(await page.GetByLabel("每日催办汇总（已逾期、3天内和7天内到期的事项）").IsCheckedAsync());
        var saved = browser.App.Service<AccountService>().Find(name)!;
        Assert.Equal(("lisi@bgs.example.gov.cn", false, true),
            (saved.Email, saved.WantsDailyDigest, saved.WantsImmediateNotices));

        // The office issues a 督办单 on one of 办公室's tasks; the app's job (or this call) tells the clerk.
        var order = browser.App.Service<SupervisionService>().Issue(new SupervisionOrderDraft
        {
            TaskCode = browser.Seed.ArchiveTask, What = $"报送“一事一档”建档进展（{device}）", Due = new DateOnly(2018, 6, 25),
        }, Actor.Console("督查室"));
        browser.App.Service<Notifier>().QueueNewNotices();
        await page.GotoAsync("/Messages");
        var count = await page.Locator(".messages-link .unread-count").TextContentAsync();
        Assert.Matches(@"^\d+条未读$", count);
        await s.StepAsync("messages");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        await page.Locator("ul.messages li.unread a", new() { HasText = $"【督办单】{order.Number}" }).ClickAsync();
        var text = await page.Locator("pre.message-text").InnerTextAsync();
        Assert.Contains($"督办事项：{order.What}", text);
        Assert.DoesNotContain("此邮件", text); // the mail's footer is not for the app
        Assert.Equal($"/Supervision/{order.Id}",
            await page.Locator("pre.message-text a", new() { HasText = "/Supervision/" }).GetAttributeAsync("href"));
        var unreadBefore = int.Parse(count![..^3]);
        var header = (await page.Locator(".messages-link").InnerTextAsync()).Trim();
        Assert.Equal(unreadBefore == 1 ? "站内消息" : $"站内消息{unreadBefore - 1}条未读", Regex.Replace(header, @"\s", ""));
        await s.StepAsync("message-opened");
        await PageChecks.AssertNoHorizontalOverflowAsync(page);
        Assert.Empty(s.ConsoleErrors);
    }
}
