using System.IO.Compression;
using System.Text.RegularExpressions;
using LuoshiArchive.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LuoshiArchive.Browser.Tests.Journeys;

/// <summary>
/// Journey a: the office gets ready for an inspection. Signs in, files a self-check form through the task page, finds
/// material by a phrase and by a fragment, narrows to one department, opens a hit and downloads the original, then
/// downloads the department's dossiers as one ZIP from the inspection page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BeforeAnInspectionJourney(BrowserApp browser)
{
    private readonly Seed _seed = browser.Seed;

    [Fact]
    public async Task The_office_finds_material_by_phrase_and_fragment_and_downloads_originals_and_a_dossier_zip()
    {
        await using var s = await browser.OpenAsync("before-inspection");
        var page = s.Page;

        // Sign in through the login page.
        await page.GotoAsync("/Tasks");
        Assert.EndsWith("/Account/Login?ReturnUrl=%2FTasks", page.Url);
        Assert.Equal("登录落实档案", await s.TextAsync("h1"));
        await s.StepAsync("login");
        await s.SignInAsync();
        Assert.EndsWith("/Tasks", page.Url);
        Assert.Equal("任务清单 （2018年）", await s.TextAsync("h1"));
        var listed = Regex.Match(await s.TextAsync(".summary"), @"^共 (\d+) 项");
        Assert.True(listed.Success && int.Parse(listed.Groups[1].Value) >= _seed.TaskCount, await s.TextAsync(".summary"));
        Assert.Equal(int.Parse(listed.Groups[1].Value), await page.Locator("table.data tbody tr").CountAsync());
        Assert.Contains(Seed.AdminDisplayName, await s.TextAsync(".site-header"));
        await s.StepAsync("task-list");

        // File this month's self-check form in its task's dossier through the upload form.
        await page.GetByRole(AriaRole.Link, new() { Name = "开展月度自查自评", Exact = true }).ClickAsync();
        Assert.Contains("开展月度自查自评", await s.TextAsync("h1"));
        Assert.Contains("佐证材料（0 件）", await s.TextAsync("#h-dossier"));
        var selfCheck = MadeDocx.Of("教育督导室2018年5月月度自查自评表", "一、本月任务推进：各项任务按时间节点推进。", "二、存在问题：无。", "教育督导室", "2018年6月5日");
        var upload = page.Locator("form.dossier-upload");
        await upload.GetByLabel("添加佐证材料").SetInputFilesAsync(new FilePayload
        {
            Name = "5月自查自评表.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = selfCheck,
        });
        await upload.GetByLabel("材料类别").SelectOptionAsync(new SelectOptionValue { Label = "过程资料" });
        await s.StepAsync("upload-chosen");
        await upload.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        Assert.Contains("“5月自查自评表.docx”：已保存。", await s.TextAsync("p.notice"));
        Assert.Contains("佐证材料（1 件）", await s.TextAsync("#h-dossier"));
        Assert.Contains("过程资料", await s.TextAsync("section[aria-labelledby=h-dossier] table"));
        // What the clerk sees: the verdict is a status message in the first screen, not hidden below the fold.
        var saved = await Visible.MessageAsync(page, "status");
        Assert.Contains("“5月自查自评表.docx”：已保存。", saved.Text);
        Assert.True(saved.Box.Y + saved.Box.Height <= BrowserApp.Desktop.Height, $"the message is at y={saved.Box.Y}");
        await s.StepAsync("uploaded");

        // A file that is no document (random bytes named .pdf) is an error: announced, red, naming the file and saying
        // what to do; it is not reported in the green box, and the dossier is as it was.
        await upload.GetByLabel("添加佐证材料").SetInputFilesAsync(new FilePayload
        {
            Name = "bad.pdf", MimeType = "application/pdf", Buffer = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(),
        });
        await upload.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        var refused = await Visible.MessageAsync(page, "alert");
        Assert.Contains("“bad.pdf”", refused.Text);
        Assert.Contains("请用原软件另存为 PDF 或 DOCX 后重新上传", refused.Text);
        Assert.Equal("rgb(176, 0, 32)", refused.BorderColor);
        Assert.Equal(0, await page.Locator("[role=status]", new() { HasText = "bad.pdf" }).CountAsync());
        Assert.Contains("佐证材料（1 件）", await s.TextAsync("#h-dossier"));
        await s.StepAsync("refused");

        // A phrase: all three documents that contain it, with the phrase marked in the snippets.
        await page.GetByRole(AriaRole.Link, new() { Name = "检索", Exact = true }).ClickAsync();
        Assert.Equal("检索佐证材料", await s.TextAsync("h1"));
        await page.GetByRole(AriaRole.Searchbox).FillAsync($"\"{Seed.SharedPhrase}\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }).ClickAsync();
        Assert.Equal("共找到 3 件。", await s.TextAsync(".summary"));
        var titles = await page.Locator(".hit h3 a").AllInnerTextsAsync();
        Assert.Equal(new[] { _seed.Notice.Title, _seed.BalancedNotice.Title, _seed.AfterSchoolReport.Title }.Order(), titles.Select(t => t.Trim()).Order());
        Assert.All(await page.Locator(".hit mark").AllInnerTextsAsync(), m => Assert.Contains(m, Seed.SharedPhrase));
        Assert.True(await page.Locator(".hit mark").CountAsync() >= 3);
        await s.StepAsync("phrase-hits");

        // Narrow to one department: the facet's count is what the list then shows.
        var facet = page.Locator(".facets section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "牵头处室" }) })
            .Locator("li", new() { HasText = "教育督导室" });
        Assert.Equal("1", (await facet.Locator(".count").InnerTextAsync()).Trim());
        await facet.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("department="));
        Assert.Equal("共找到 1 件。", await s.TextAsync(".summary"));
        Assert.Equal(_seed.BalancedNotice.Title, (await page.Locator(".hit h3 a").InnerTextAsync()).Trim());
        Assert.Contains("教育督导室", await s.TextAsync(".facets a.active"));
        await s.StepAsync("filtered-by-department");

        // A fragment that is no word of its own (the middle of 优质均衡) still finds its document.
        await page.GotoAsync("/Search");
        await page.GetByRole(AriaRole.Searchbox).FillAsync(Seed.Fragment);
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        Assert.Equal("共找到 1 件。", await s.TextAsync(".summary"));
        var hit = page.Locator(".hit").First;
        Assert.Equal(_seed.BalancedNotice.Title, (await hit.Locator("h3 a").InnerTextAsync()).Trim());
        Assert.Contains("质均", string.Concat(await hit.Locator("mark").AllInnerTextsAsync()));
        Assert.Contains("津教督〔2018〕3号", await hit.Locator(".meta").InnerTextAsync());
        await s.StepAsync("fragment-hit");

        // Open the hit: its text with the fragment marked, its task, and the original byte for byte.
        await hit.Locator("h3 a").ClickAsync();
        Assert.Equal(_seed.BalancedNotice.Title, await s.TextAsync("h1"));
        Assert.Contains("已标出“质均”", await s.TextAsync("#h-text"));
        Assert.Contains(_seed.BalancedEducationTask, await s.TextAsync("section[aria-labelledby=h-tasks]"));
        await s.StepAsync("evidence-page");
        var original = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "下载原件" }).ClickAsync());
        Assert.Equal(_seed.BalancedNotice.FileName, original.SuggestedFilename);
        Assert.Equal(_seed.BalancedNotice.Bytes, await ReadAsync(original));

        // The inspection page: the department's tasks, their evidence count, and one ZIP of their dossiers.
        await page.GetByRole(AriaRole.Link, new() { Name = "迎检", Exact = true }).ClickAsync();
        Assert.Equal("迎检：检查任务台账和佐证材料", await s.TextAsync("h1"));
        await page.GetByLabel("牵头处室").SelectOptionAsync(new SelectOptionValue { Label = "教育督导室" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        var summary = await s.TextAsync(".summary");
        var counts = Regex.Match(summary, @"共 (\d+) 项任务，佐证材料 (\d+) 件");
        Assert.True(counts.Success, summary);
        var rows = page.Locator("table.data tbody tr");
        Assert.Equal(int.Parse(counts.Groups[1].Value), await rows.CountAsync());
        Assert.Equal(1, await rows.Filter(new() { HasText = "开展月度自查自评" }).CountAsync());
        Assert.Equal(1, await rows.Filter(new() { HasText = "开展义务教育优质均衡督导评估" }).CountAsync());
        await s.StepAsync("inspection-department");
        var zipDownload = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "下载这些任务的档案（ZIP）" }).ClickAsync());
        Assert.Matches(@"^迎检材料-\d{8}-\d{4}\.zip$", zipDownload.SuggestedFilename);
        using var zip = new ZipArchive(new MemoryStream(await ReadAsync(zipDownload)));
        // A zipped bag: one top folder named after the bag, holding bagit.txt, manifests and data/.
        var bag = zip.Entries[0].FullName.Split('/')[0];
        Assert.Equal("迎检材料-20180615", bag);
        Assert.All(zip.Entries, e => Assert.StartsWith(bag + "/", e.FullName));
        var entries = zip.Entries.Select(e => e.FullName[(bag.Length + 1)..]).ToList();
        Assert.Contains("bagit.txt", entries);
        Assert.Contains("manifest-sha256.txt", entries);
        Assert.Contains("data/目录.xlsx", entries);
        Assert.Contains("data/任务台账.xlsx", entries); // the ledger and the gap list beside the dossiers
        var payload = entries.Where(e => e.StartsWith("data/", StringComparison.Ordinal)
            && e != "data/目录.xlsx" && e != "data/任务台账.xlsx").ToList();
        Assert.Equal(int.Parse(counts.Groups[2].Value), payload.Count);
        Assert.Contains(payload, e => e.StartsWith($"data/{_seed.BalancedEducationTask}-开展义务教育优质均衡督导评估/0001-", StringComparison.Ordinal) && e.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Contains(payload, e => e.StartsWith($"data/{_seed.SelfCheckTask}-开展月度自查自评/", StringComparison.Ordinal) && e.EndsWith(".docx", StringComparison.Ordinal));
        using (var entry = zip.Entries.Single(e => e.FullName.Contains("开展义务教育优质均衡督导评估/0001-", StringComparison.Ordinal)).Open())
        using (var copy = new MemoryStream())
        {
            await entry.CopyToAsync(copy);
            Assert.Equal(_seed.BalancedNotice.Bytes, copy.ToArray());
        }
        await s.StepAsync("zip-downloaded");
        Assert.Empty(s.ConsoleErrors);
    }

    private static async Task<byte[]> ReadAsync(IDownload download)
    {
        Assert.Null(await download.FailureAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }
}
