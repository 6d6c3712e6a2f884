using System.Text;
using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Pages;

/// <summary>
/// Long work as a clerk meets it (issue 18, defect 5): files dropped on the dashed box are taken, each file shows its
/// upload progress, the button says 正在处理… and a second click sends nothing; without script the form still works.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UploadFeedbackTests(BrowserApp browser)
{
    private readonly Seed _seed = browser.Seed;

    [Fact]
    public async Task Files_dropped_on_the_box_upload_with_progress_and_a_second_click_sends_nothing()
    {
        await using var s = await browser.OpenSignedInAsync("upload-feedback", BrowserApp.Laptop);
        var page = s.Page;
        await page.GotoAsync($"/Tasks/{_seed.ArchiveTask}");
        var before = await DossierCountAsync(s);
        var box = page.Locator("form.dossier-upload");

        // Two files dropped on the box's label, away from the small file field: both are chosen and named.
        var dropped = await page.EvaluateHandleAsync("""
            () => {
                const dt = new DataTransfer();
                dt.items.add(new File(['拖入的第一份材料：推进会议记录。'], '拖入一.txt', { type: 'text/plain' }));
                dt.items.add(new File(['拖入的第二份材料：督查记录。'.repeat(20000)], '拖入二.txt', { type: 'text/plain' }));
                return dt;
            }
            """);
        await box.Locator("label[for=files]").DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = dropped });
        Assert.Contains("drop-target", await box.GetAttributeAsync("class") ?? "");
        await box.Locator("label[for=files]").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dropped });
        Assert.Equal(2, await box.Locator("input[type=file]").EvaluateAsync<int>("i => i.files.length"));
        Assert.Equal("已选择 2 个文件：拖入一.txt、拖入二.txt", await s.TextAsync(".dropped-files"));
        Assert.DoesNotContain("drop-target", await box.GetAttributeAsync("class") ?? "");
        await s.StepAsync("dropped");

        // A file dropped elsewhere on the page is refused by the page, so the browser does not open it and leave.
        var kept = await page.EvaluateAsync<bool>("""
            dt => {
                const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
                document.querySelector('h1').dispatchEvent(drop);
                return drop.defaultPrevented;
            }
            """, dropped);
        Assert.True(kept, "a file dropped outside the box would replace the page");

        // The server is slow to answer (held 2 s here): the button says 正在处理… and is disabled, each file has its
        // progress line, and clicking again sends no second request.
        var posts = 0;
        await page.RouteAsync("**/Tasks/**", async route =>
        {
            if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
            Interlocked.Increment(ref posts);
            await Task.Delay(2000);
            await route.ContinueAsync();
        });
        var button = box.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true });
        await button.ClickAsync();
        var busy = box.Locator("button[type=submit]");
        await Assertions.Expect(busy).ToHaveTextAsync("正在处理…");
        await Assertions.Expect(busy).ToBeDisabledAsync();
        var lines = box.Locator(".upload-progress li");
        Assert.Equal(2, await lines.CountAsync());
        Assert.Matches(new Regex("^“拖入一.txt”（1 KB）：已上传"), await lines.Nth(0).InnerTextAsync());
        Assert.Matches(new Regex("^“拖入二.txt”（\\d+ KB）：已上传"), await lines.Nth(1).InnerTextAsync());
        Assert.Equal(2, await box.Locator(".upload-progress progress").CountAsync());
        await s.StepAsync("uploading");
        await busy.ClickAsync(new() { Force = true });
        await box.EvaluateAsync("f => f.requestSubmit()");

        // The server's page follows, as after an ordinary submit: both saved, one request only.
        await page.Locator("p.notice", new() { HasText = "拖入二.txt" }).WaitForAsync();
        var saved = await Visible.MessageAsync(page, "status");
        Assert.Contains("“拖入一.txt”：已保存。", saved.Text);
        Assert.Contains("“拖入二.txt”：已保存。", saved.Text);
        Assert.Equal(before + 2, await DossierCountAsync(s));
        Assert.Equal(1, posts);
        Assert.EndsWith($"/Tasks/{_seed.ArchiveTask}", page.Url);
        await s.StepAsync("uploaded");
        Assert.Empty(s.ConsoleErrors);
    }

    [Fact]
    public async Task Without_script_the_upload_form_still_saves_the_file()
    {
        await using var s = await browser.OpenSignedInAsync("upload-without-script", BrowserApp.Phone, script: false);
        var page = s.Page;
        await page.GotoAsync($"/Tasks/{_seed.ArchiveTask}");
        var before = await DossierCountAsync(s);
        var box = page.Locator("form.dossier-upload");
        await box.GetByLabel("添加佐证材料").SetInputFilesAsync(new FilePayload
        {
            Name = "无脚本上传.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("不用脚本也能上传的材料。"),
        });
        await box.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        Assert.Contains("“无脚本上传.txt”：已保存。", await s.TextAsync("p.notice"));
        Assert.Equal(before + 1, await DossierCountAsync(s));
        await s.StepAsync("uploaded");
    }

    private static async Task<int> DossierCountAsync(Session s)
    {
        var heading = await s.TextAsync("#h-dossier");
        var count = Regex.Match(heading, @"佐证材料（(\d+) 件）");
        Assert.True(count.Success, heading);
        return int.Parse(count.Groups[1].Value);
    }
}
