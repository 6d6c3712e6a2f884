using LuoshiArchive.Core.Accounts;
using System.Net;
using System.Net.Http.Headers;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.OneTable;

public class OneTablePagesTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;

    public OneTablePagesTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var tasks = app.Service<TaskRegistry>();
        if (tasks.Find("2018-001") is null)
            tasks.Create(new TaskDraft { Year = 2018, Name = "建立抓落实专人管理机制", Target = "每处室指定专人", Deadline = new DateOnly(2018, 4, 30) }, Actor.Console("t"));
    }

    [Fact]
    public async Task The_one_table_shows_every_column_and_prints_landscape()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();

        var page = await client.GetDocumentAsync("/OneTable?year=2018");

        var headers = page.QuerySelectorAll("table.onetable th").Select(h => h.TextContent).ToList();
        Assert.Equal(OneTableRow.Columns, headers);
        Assert.Contains("建立抓落实专人管理机制", page.QuerySelector("table.onetable tbody")!.TextContent);
        var print = page.QuerySelector("link[media=print]")!.GetAttribute("href")!;
        Assert.Contains("size: A4 landscape", await client.GetStringAsync(print));
    }

    [Fact]
    public async Task The_export_downloads_a_workbook_that_imports_back()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();

        var response = await client.GetAsync("/OneTable?handler=Xlsx&year=2018");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("工作落实清单一览表-2018-树形.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        // Importing the same export again must refuse the existing codes and change nothing.
        var import = await PostFile(client, bytes, "一览表.xlsx");
        Assert.Contains("已存在", import);
        Assert.Single(_app.Service<TaskRegistry>().List(new TaskFilter { Year = 2018, Text = "专人管理" }));
    }

    [Fact]
    public async Task A_workbook_with_a_bad_row_shows_the_row_and_imports_nothing()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        using var file = new MemoryStream();
        LuoshiArchive.Core.Spreadsheets.SheetWriter.Write(file, "Sheet1", ["任务名称", "清单类别", "任务来源", "年度"],
            [["新任务甲", "全委综合重点任务清单", "市委市政府部署", "2019"], ["新任务乙", "不存在的清单", "市委市政府部署", "2019"]]);

        var page = await PostFile(client, file.ToArray(), "分解表.xlsx");

        Assert.Contains("第3行「清单类别」", page);
        Assert.Empty(_app.Service<TaskRegistry>().List(new TaskFilter { Year = 2019 }));
    }

    private static async Task<string> PostFile(HttpClient client, byte[] bytes, string name)
    {
        var form = await client.GetDocumentAsync("/OneTable/Import");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", name);
        content.Add(new StringContent(form.AntiforgeryToken()), "__RequestVerificationToken");
        var response = await client.PostAsync("/OneTable/Import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
