using System.Net;
using System.Text;
using System.Text.Json;
using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Web.Tests.Api;

/// <summary>
/// A department clerk's integration over HTTP with their own token: the tasks they may read, one task with its
/// milestones and progress, uploads into their dossier (found by the search page), and refusals in Chinese.
/// </summary>
public class TasksAndEvidenceApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task The_task_list_holds_only_the_tasks_the_tokens_owner_may_read_in_the_cli_shape()
    {
        var (clerk, office) = app.Tokens();

        var response = await app.ClientWith(clerk).GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tasks = (await Json(response)).GetProperty("tasks").EnumerateArray().ToList();
        var row = Assert.Single(tasks);
        Assert.Equal(["code", "name", "year", "listKind", "source", "leadDepartment", "deadline", "status", "light"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal((ApiFactory.OwnTask, "建立督办台账", "办公室", "2018-12-31", "InProgress"),
            (row.GetProperty("code").GetString(), row.GetProperty("name").GetString(), row.GetProperty("leadDepartment").GetString(),
                row.GetProperty("deadline").GetString(), row.GetProperty("status").GetString()));
        var all = (await Json(await app.ClientWith(office).GetAsync("/api/v1/tasks?year=2018"))).GetProperty("tasks");
        Assert.Equal([ApiFactory.OwnTask, ApiFactory.ForeignTask], all.EnumerateArray().Select(t => t.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task One_task_carries_its_milestones_and_progress()
    {
        var (clerk, _) = app.Tokens();

        var task = (await Json(await app.ClientWith(clerk).GetAsync($"/api/v1/tasks/{ApiFactory.OwnTask}"))).GetProperty("task");

        Assert.Equal("全年任务全部建账", task.GetProperty("target").GetString());
        var milestones = task.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal([("2018-06-10", "形成初稿", true), ("2018-09-30", "正式运行", false)],
            milestones.Select(m => (m.GetProperty("due").GetString(), m.GetProperty("description").GetString(), m.GetProperty("missed").GetBoolean())));
        var progress = Assert.Single(task.GetProperty("progress").EnumerateArray());
        Assert.Equal(("2018-06-12", "台账初稿已形成", 40), (progress.GetProperty("date").GetString(), progress.GetProperty("text").GetString(),
            progress.GetProperty("completion").GetInt32()));
        Assert.Equal("yellow", task.GetProperty("light").GetString()); // a missed milestone
    }

    [Fact]
    public async Task A_foreign_departments_task_is_refused_with_a_chinese_problem_and_nothing_is_stored()
    {
        var (clerk, _) = app.Tokens();
        var client = app.ClientWith(clerk);
        var before = app.EvidenceCount();

        var read = await client.GetAsync($"/api/v1/tasks/{ApiFactory.ForeignTask}");
        var upload = await client.PostAsync($"/api/v1/tasks/{ApiFactory.ForeignTask}/evidence",
            ApiFactory.Upload("测算.txt", Encoding.UTF8.GetBytes("经费测算说明")));

        foreach (var refused in new[] { read, upload })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await Json(refused);
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
            Assert.Equal("无权访问", problem.GetProperty("title").GetString());
            Assert.Contains("不属于本处室", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before, app.EvidenceCount());
    }

    [Fact]
    public async Task A_bad_upload_is_refused_with_the_pages_message_and_leaves_nothing_behind()
    {
        var (clerk, _) = app.Tokens();
        var blobs = Path.Combine(app.StoragePath, "blobs");
        var before = (app.EvidenceCount(), Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories).Length : 0);

        var empty = await app.ClientWith(clerk).PostAsync($"/api/v1/tasks/{ApiFactory.OwnTask}/evidence", ApiFactory.Upload("空.txt", []));
        var program = await app.ClientWith(clerk).PostAsync($"/api/v1/tasks/{ApiFactory.OwnTask}/evidence",
            ApiFactory.Upload("setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("“空.txt”：未保存。“空.txt”是空文件（0 字节），未保存。请检查原文件后重新上传。", (await Json(empty)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.StartsWith("“setup.exe”：未保存。", (await Json(program)).GetProperty("detail").GetString());
        Assert.Equal(before, (app.EvidenceCount(), Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories).Length : 0));
    }

    [Fact]
    public async Task An_upload_is_stored_described_downloadable_and_found_by_the_search_page()
    {
        var (clerk, _) = app.Tokens();
        var client = app.ClientWith(clerk);
        var content = Encoding.UTF8.GetBytes("关于建立重点任务督办台账的工作方案：逐项建立台账，按月调度。");

        var created = await client.PostAsync($"/api/v1/tasks/{ApiFactory.OwnTask}/evidence", ApiFactory.Upload("督办台账方案.txt", content,
            ("kind", "ProcessRecord"), ("title", "督办台账工作方案"), ("date", "2018-06-14")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var evidence = (await Json(created)).GetProperty("evidence");
        var id = evidence.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/evidence/{id}", created.Headers.Location?.OriginalString);
        var metadata = (await Json(await client.GetAsync($"/api/v1/evidence/{id}"))).GetProperty("evidence");
        Assert.Equal(("督办台账工作方案", "ProcessRecord", "2018-06-14", "办公室李四"), (metadata.GetProperty("title").GetString(),
            metadata.GetProperty("kind").GetString(), metadata.GetProperty("date").GetString(), metadata.GetProperty("addedBy").GetString()));
        Assert.Equal([ApiFactory.OwnTask], metadata.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(content, await client.GetByteArrayAsync($"/api/v1/evidence/{id}/file"));

        var api = (await Json(await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("按月调度")))).GetProperty("hits");
        Assert.Contains(api.EnumerateArray(), h => h.GetProperty("evidenceId").GetInt32() == id);
        var browser = app.CreateClient();
        await browser.SignInAsync(ApiFactory.ClerkName, LuoshiWebFactory.AdminPassword);
        var page = (await browser.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString("按月调度"))).Body!.TextContent;
        Assert.Contains("督办台账工作方案", page);
        Assert.Contains(app.Service<DossierService>().Find(id)!.Title, page);
    }

    [Fact]
    public async Task Without_a_valid_token_the_api_answers_401_with_a_problem_and_never_takes_the_sign_in_cookie()
    {
        app.Tokens();
        var browser = app.CreateClient();
        await browser.SignInAsync();

        var cookieOnly = await browser.GetAsync("/api/v1/tasks");
        var wrong = await app.ClientWith("luoshi_not-a-real-token").GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnly.StatusCode);
        Assert.Contains("缺少 API 令牌", (await Json(cookieOnly)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("API 令牌无效、已吊销或已过期。", (await Json(wrong)).GetProperty("detail").GetString());
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_unknown_task_or_route_is_a_404_problem_not_an_html_page()
    {
        var (clerk, _) = app.Tokens();

        var task = await app.ClientWith(clerk).GetAsync("/api/v1/tasks/2099-999");
        var route = await app.ClientWith(clerk).GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.Equal("任务“2099-999”不存在。", (await Json(task)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("application/problem+json", route.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task No_api_call_sets_a_tasks_status(string method)
    {
        var (clerk, _) = app.Tokens();
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/tasks/{ApiFactory.OwnTask}")
        {
            Content = new StringContent("{\"status\":\"Cancelled\"}", Encoding.UTF8, "application/json"),
        };

        var response = await app.ClientWith(clerk).SendAsync(request);

        // The API has no route that writes a task: 办结 and 撤销 are done on the task's page, under their rules.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        var task = await Json(await app.ClientWith(clerk).GetAsync($"/api/v1/tasks/{ApiFactory.OwnTask}"));
        Assert.Equal("InProgress", task.GetProperty("task").GetProperty("status").GetString());
    }
}
