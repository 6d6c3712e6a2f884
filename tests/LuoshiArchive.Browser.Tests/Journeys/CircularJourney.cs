using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Journeys;

/// <summary>
/// Journey d: the office drafts a 通报表扬 from completed tasks and a 通报批评 from an overdue one, previews the first as
/// it will print, issues both after seeing the number to be taken (numbers allocated, DOCX filed) and downloads the DOCX.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CircularJourney(BrowserApp browser)
{
    [Fact]
    public async Task A_commendation_and_a_criticism_are_drafted_from_the_task_records_previewed_issued_and_downloaded()
    {
        await using var s = await browser.OpenAsync("circular");
        var page = s.Page;
        await s.SignInAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "公文", Exact = true }).ClickAsync();
        Assert.Equal("公文（2018年）", await s.TextAsync("h1"));
        await page.GetByLabel("起草", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "通报表扬" });
        await page.GetByRole(AriaRole.Button, new() { Name = "开始起草" }).ClickAsync();
        Assert.Equal("起草通报表扬", await s.TextAsync("h1"));
        var completed = page.Locator("input[name=tasksPicked]");
        Assert.True(await completed.CountAsync() > 0, "the demo commission has tasks completed on time");
        await completed.First.CheckAsync();
        await s.StepAsync("commendation-pick");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Documents/Edit/\d+$"));
        Assert.Matches(@"^关于对.+予以通报表扬的通报$", await page.Locator("input[name='Form.Title']").InputValueAsync());
        Assert.Contains("草稿已生成", await s.TextAsync(".notice"));
        await s.StepAsync("commendation-draft");

        // Edit the opening and closing paragraphs, save and preview. (The template's opening cites the 长效机制 plan,
        // which the inspection journey counts in the same app: a user's own opening keeps that count its own.)
        await page.Locator("textarea[name='Form.Paragraphs[0].Text']").FillAsync("今年以来，有关处室对照重点任务清单按时完成任务，成效明显，现将有关情况通报如下。");
        var closing = page.Locator("textarea[name$='.Text']").Filter(new() { HasText = "特此通报。" });
        await closing.FillAsync("特此通报，望各处室学习借鉴。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并预览" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Documents/Preview/\d+$"));
        Assert.Equal("天津市教育委员会文件", await s.TextAsync(".gw-mark"));
        Assert.Matches(@"^津教委〔2018〕\s*号$", await s.TextAsync(".gw-number")); // the number comes at issue
        Assert.True(await page.Locator(".gw-body", new() { HasText = "特此通报，望各处室学习借鉴。" }).CountAsync() == 1);
        await s.StepAsync("commendation-preview");

        // The preview offers issuing, which waits for 签发: the issuing page says so and leads back to the document.
        await page.GetByRole(AriaRole.Link, new() { Name = "印发…", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Documents/Issue/\d+$"));
        Assert.Contains("尚未签发", await s.TextAsync(".errors"));
        Assert.Equal(0, await page.Locator(".number-to-take").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "返回公文，办理核稿、签发" }).ClickAsync();
        await SignOffAsync(s, screenshots: true);
        // Then the number it will take is shown, to confirm.
        await page.GetByRole(AriaRole.Link, new() { Name = "编号印发…", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Documents/Issue/\d+$"));
        var toTake = page.Locator(".number-to-take");
        Assert.Matches(@"^津教委〔2018〕\d+号$", (await toTake.InnerTextAsync()).Trim());
        Assert.True(await toTake.IsVisibleAsync() && await page.Locator(".warning").IsVisibleAsync(), "the number and the warning are shown");
        Assert.Contains("取号不能撤销", await s.TextAsync(".warning"));
        var shown = (await toTake.InnerTextAsync()).Trim();
        await s.StepAsync("commendation-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认印发（取号并归档）" }).ClickAsync(new() { Timeout = 300_000 });
        await page.WaitForURLAsync(new Regex(@"/Documents/\d+$"), new() { Timeout = 300_000 });
        var issued = await s.TextAsync(".notice");
        Assert.Matches(@"已印发：津教委〔2018〕\d+号", issued);
        var number = Regex.Match(issued, @"津教委〔2018〕\d+号").Value;
        Assert.Equal(shown, number);
        await s.StepAsync("commendation-issued");
        // The PDF exists only when LibreOffice converted the DOCX in time (it may be slow or fail under load): the badges
        // to expect are the files the document page offers.
        var hasPdf = await page.GetByRole(AriaRole.Link, new() { Name = "下载 PDF" }).CountAsync() > 0;
        string[] formats = hasPdf ? ["DOCX", "PDF"] : ["DOCX"];

        var file = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 DOCX" }).ClickAsync());
        Assert.Null(await file.FailureAsync());
        Assert.StartsWith(number, file.SuggestedFilename);
        Assert.EndsWith(".docx", file.SuggestedFilename);
        using (var docx = WordprocessingDocument.Open(await file.PathAsync(), false))
        {
            var text = docx.MainDocumentPart!.Document!.InnerText;
            Assert.Contains(number, text);
            Assert.Contains("特此通报，望各处室学习借鉴。", text);
        }

        // The issued circular is one document in its task's dossier and in search: one row with its DOCX (and PDF).
        await page.Locator("section[aria-labelledby=h-tasks] li a").First.ClickAsync();
        var filed = page.Locator("section[aria-labelledby=h-dossier] tbody tr", new() { HasText = number });
        Assert.Equal(1, await filed.CountAsync());
        Assert.Equal(formats, (await filed.Locator("a.tag.format").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Contains(".docx", await filed.Locator(".file-name").InnerTextAsync());
        var badge = await filed.Locator("a.tag.format").Last.BoundingBoxAsync();
        Assert.True(badge is { Width: > 20, Height: > 10 }, $"the {formats[^1]} badge is shown");
        await s.StepAsync("commendation-in-dossier");
        var title = (await filed.Locator("td").First.InnerTextAsync()).Trim();
        await page.GotoAsync("/Search?q=" + Uri.EscapeDataString(number));
        var hit = page.Locator(".hit", new() { Has = page.Locator("h3", new() { HasText = title }) });
        Assert.Equal(1, await hit.CountAsync());
        Assert.Equal(formats, (await hit.Locator("a.tag.format").AllInnerTextsAsync()).Select(t => t.Trim()));
        await s.StepAsync("commendation-found-once");

        // A criticism from an overdue task: the reply date, and a supervision order once issued.
        await page.GetByRole(AriaRole.Link, new() { Name = "公文", Exact = true }).ClickAsync();
        await page.GetByLabel("起草", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "通报批评" });
        await page.GetByRole(AriaRole.Button, new() { Name = "开始起草" }).ClickAsync();
        Assert.Equal("起草通报批评", await s.TextAsync("h1"));
        var failing = page.Locator("input[name=tasksPicked]");
        Assert.True(await failing.CountAsync() > 0, "the demo commission has overdue tasks");
        await failing.First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Documents/Edit/\d+$"));
        Assert.Matches(@"^关于对.+予以通报批评的通报$", await page.Locator("input[name='Form.Title']").InputValueAsync());
        Assert.False(string.IsNullOrEmpty(await page.GetByLabel("整改报送期限（印发后生成督办单）").InputValueAsync()));
        await page.Locator("textarea[name='Form.Paragraphs[0].Text']").FillAsync("市教委办公室对重点任务落实情况进行了督查，发现有关处室承担的任务未按时间节点完成，现通报如下。");
        await s.StepAsync("criticism-draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "印发…" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Documents/Issue/\d+$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "返回公文，办理核稿、签发" }).ClickAsync();
        await SignOffAsync(s, screenshots: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "编号印发…", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Documents/Issue/\d+$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认印发（取号并归档）" }).ClickAsync(new() { Timeout = 300_000 });
        await page.WaitForURLAsync(new Regex(@"/Documents/\d+$"), new() { Timeout = 300_000 });
        Assert.Matches(@"已印发：津教委〔2018〕\d+号", await s.TextAsync(".notice"));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^督办单") }).CountAsync() > 0, "the criticism opened a supervision order");
        await s.StepAsync("criticism-issued");
        Assert.Empty(s.ConsoleErrors);
    }

    /// <summary>
    /// 送核稿, 核稿 and 签发 on the document page (the administrator holds the office's and a leader's rights: each
    /// step is still recorded under their name); with screenshots of the steps at 1366 and 375 px.
    /// </summary>
    private static async Task SignOffAsync(Session s, bool screenshots)
    {
        var page = s.Page;
        await page.WaitForURLAsync(new Regex(@"/Documents/\d+$"));
        Assert.Equal("拟稿", await s.TextAsync(".document-stage"));
        await page.GetByRole(AriaRole.Button, new() { Name = "送核稿", Exact = true }).ClickAsync();
        Assert.Equal("待核稿", await s.TextAsync(".document-stage"));
        await page.GetByLabel("核稿意见（可不填）").FillAsync("文字、格式已核。");
        await page.GetByRole(AriaRole.Button, new() { Name = "核稿", Exact = true }).ClickAsync();
        Assert.Equal("待签发", await s.TextAsync(".document-stage"));
        if (screenshots) await s.StepAsync("sign-off-form");
        await page.GetByLabel("签发意见").FillAsync("同意印发。");
        await page.GetByRole(AriaRole.Button, new() { Name = "签发", Exact = true }).ClickAsync();
        Assert.Equal("已签发", await s.TextAsync(".document-stage"));
        Assert.Equal(4, await page.Locator("table.steps tbody tr").CountAsync());
        if (!screenshots) return;
        foreach (var (size, viewport) in new[] { ("1366", BrowserApp.Laptop), ("375", BrowserApp.Phone) })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await s.StepAsync("signed-off-" + size);
            await PageChecks.AssertNoHorizontalOverflowAsync(page);
        }
        await page.SetViewportSizeAsync(BrowserApp.Laptop.Width, BrowserApp.Laptop.Height);
    }
}
