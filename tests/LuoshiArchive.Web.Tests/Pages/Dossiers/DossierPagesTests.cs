using LuoshiArchive.Core.Accounts;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Dossiers;

public class DossierPagesTests : IClassFixture<LuoshiWebFactory>
{
    private const string Minutes = "2018年第3次主任办公会会议纪要\n会议由张志强同志主持，研究了督查督办工作，决定每月召开重点工作推动会。\n2018年3月20日";
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _task;

    public DossierPagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var office = directory.DepartmentNamed("办公室") ?? directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var tasks = app.Service<TaskRegistry>();
        _task = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "每月召开重点工作推动会", Target = "每月一次", Standard = "形成纪要", LeadDepartmentId = office.Id,
            Deadline = new DateOnly(2018, 12, 31),
        }, Actor.Console("t"));
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string code, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetDocumentAsync($"/Tasks/{code}");
        using var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "files", name);
        }
        content.Add(new StringContent("Minutes"), "kind");
        content.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        return await client.PostAsync($"/Tasks/{code}?handler=Upload", content);
    }

    [Fact]
    public async Task Uploaded_minutes_appear_in_the_dossier_are_found_highlighted_and_download_byte_for_byte()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var bytes = Encoding.UTF8.GetBytes(Minutes);

        var response = await Upload(client, _task.Code, ("主任办公会纪要.txt", bytes), ("空文件.txt", []));

        var taskPage = await response.Content.ReadAsStringAsync();
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(taskPage);
        Assert.Contains("“主任办公会纪要.txt”：已保存", html.QuerySelector("[role=status]")!.TextContent);
        // The refused file is an error (an alert, apart from the saved ones) that names it and says what to do.
        Assert.Equal("“空文件.txt”是空文件（0 字节），未保存。请检查原文件后重新上传。",
            html.QuerySelector(".errors[role=alert]")!.TextContent.Trim());
        Assert.Contains("2018年第3次主任办公会会议纪要", taskPage);

        var search = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("督查督办"));
        var hit = search.QuerySelector("li.hit")!;
        Assert.Contains("2018年第3次主任办公会会议纪要", hit.TextContent);
        Assert.Equal("督查督办", hit.QuerySelector("mark")!.TextContent);
        Assert.Contains(_task.Code, hit.TextContent);

        var evidenceUrl = hit.QuerySelector("h3 a")!.GetAttribute("href")!;
        var evidence = await client.GetDocumentAsync(evidenceUrl);
        Assert.Equal("督查督办", evidence.QuerySelector(".extracted-text mark")!.TextContent);
        Assert.Contains("会议纪要", evidence.Body!.TextContent);

        var download = await client.GetAsync(evidence.QuerySelector("a[href*=Download]")!.GetAttribute("href"));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("主任办公会纪要.txt", download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task A_file_pretending_to_be_a_pdf_is_refused_and_nothing_is_stored()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var before = _app.Service<DossierService>().DossierOf(_task.Id).Count;

        var response = await Upload(client, _task.Code, ("伪装.pdf", Encoding.UTF8.GetBytes("这其实是一段文字")));

        var alert = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync())
            .QuerySelector(".errors[role=alert]")!.TextContent;
        Assert.Contains("“伪装.pdf”", alert);
        Assert.Contains("重新上传", alert);
        Assert.Equal(before, _app.Service<DossierService>().DossierOf(_task.Id).Count);
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("区块链"));
        Assert.Contains("没有找到", page.QuerySelector(".hits")!.TextContent);
    }

    [Fact]
    public async Task The_inspection_view_flags_gaps_and_downloads_the_dossiers_as_a_zip()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        await Upload(client, _task.Code, ("推动会纪要.txt", Encoding.UTF8.GetBytes("关于推动会的纪要\n" + Guid.NewGuid())));

        var department = _app.Service<OrganisationDirectory>().DepartmentNamed("办公室")!.Id;
        var page = await client.GetDocumentAsync($"/Inspection?year=2018&department={department}");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(_task.Code));
        Assert.DoesNotContain("无佐证材料", row.TextContent);

        var zip = await client.GetAsync($"/Inspection?handler=Zip&year=2018&department={department}");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, await zip.Content.ReadAsByteArrayAsync());
        Assert.Empty(LuoshiArchive.Core.Archive.BagVerifier.Verify(path)); // the same bag format as the annual bundle
        using var archive = ZipFile.OpenRead(path);
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/data/目录.xlsx", StringComparison.Ordinal));
        Assert.Contains(archive.Entries, e => e.FullName.Contains($"/data/{_task.Code}-每月召开重点工作推动会/0001-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inspection_tasks_are_ticked_from_a_list_and_the_office_chooses_which_gaps_count()
    {
        var office = _app.Service<OrganisationDirectory>().DepartmentNamed("办公室")!.Id;
        var tasks = _app.Service<TaskRegistry>();
        var task = tasks.Find("2018-002") ?? tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "编制迎检材料清单", Target = "形成清单", Standard = "逐项列明", LeadDepartmentId = office,
            Deadline = new DateOnly(2018, 12, 31),
        }, Actor.Console("t"));
        var client = _app.CreateClient();
        await client.SignInAsync();

        // No code typing: the year's tasks are offered as checkboxes; ticking one shows just that task.
        var blank = await client.GetDocumentAsync("/Inspection?year=2018");
        var box = blank.QuerySelector($"input[type=checkbox][name=task][value='{task.Code}']");
        Assert.NotNull(box);
        Assert.Contains("编制迎检材料清单", box!.ParentElement!.TextContent);
        Assert.Null(blank.QuerySelector("input[name=tasks]"));

        var chosen = await client.GetDocumentAsync($"/Inspection?year=2018&task={task.Code}");
        var row = Assert.Single(chosen.QuerySelectorAll("tbody tr"));
        Assert.Contains("无佐证材料", row.TextContent);
        Assert.True(chosen.QuerySelector($"input[name=task][value='{task.Code}']")!.HasAttribute("checked"));
        Assert.DoesNotContain("无会议纪要", row.TextContent); // not counted unless the office says so

        // The office unticks every gap: nothing is flagged, and the summary says what counted.
        var none = await client.GetDocumentAsync($"/Inspection?year=2018&task={task.Code}&gapsChosen=true");
        Assert.DoesNotContain("无佐证材料", Assert.Single(none.QuerySelectorAll("tbody tr")).TextContent);
        Assert.Contains("计入：无", none.QuerySelector(".summary")!.TextContent);
        Assert.All(none.QuerySelectorAll("input[name=gap]"), g => Assert.False(g.HasAttribute("checked")));
        // Links made before the list existed (comma-separated codes) still work.
        var typed = await client.GetDocumentAsync($"/Inspection?year=2018&tasks={task.Code}");
        Assert.Single(typed.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task The_second_page_of_results_shows_the_next_twenty()
    {
        var dossiers = _app.Service<DossierService>();
        for (var i = 1; i <= 25; i++)
            await dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes($"翻页检索样本第{i}件")), $"翻页{i}.txt", [_task.Code], null, Actor.Console());
        var client = _app.CreateClient();
        await client.SignInAsync();

        string[] Titles(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll(".hit h3").Select(e => e.TextContent.Trim()).ToArray();
        var first = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("翻页检索样本"));
        var second = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("翻页检索样本") + "&page=2");

        Assert.Equal(20, Titles(first).Length);
        Assert.Equal(5, Titles(second).Length);
        Assert.Empty(Titles(first).Intersect(Titles(second)));
    }

    [Fact]
    public async Task A_filter_that_cannot_be_read_is_named_and_the_search_is_not_run_without_it()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var page = await client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("落实") + "&from=2018-13-45&year=abc");
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("起始日期“2018-13-45”", alert);
        Assert.Contains("年度“abc”", alert);
        Assert.Null(page.QuerySelector(".summary"));
    }
}
