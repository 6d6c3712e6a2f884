using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Security;

/// <summary>Hostile paths, names and tokens: nothing reaches the file system, nothing is stored, nothing leaks.</summary>
public class HostileInputTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;
    private readonly KeyTask _task;

    public HostileInputTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var directory = app.Service<OrganisationDirectory>();
        var office = directory.DepartmentNamed("办公室") ?? directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var tasks = app.Service<TaskRegistry>();
        _task = tasks.Find("2018-001") ?? tasks.Create(new TaskDraft { Year = 2018, Name = "安全测试任务", LeadDepartmentId = office.Id }, Actor.Console());
    }

    [Theory]
    [InlineData("/Evidence/..%2F..%2Fluoshi.db?handler=Download")]
    [InlineData("/Evidence/1%2F..%2F..%2Fluoshi.db?handler=Download")]
    [InlineData("/Evidence/999999?handler=Download")]
    [InlineData("/css/..%2F..%2Fluoshi.db")]
    [InlineData("/..%2Fstorage%2Fluoshi.db")]
    [InlineData("/Documents/..%2F1?handler=Docx")]
    [InlineData("/Archive?handler=Download&job=..%2F..%2Fluoshi.db")]
    public async Task Traversal_attempts_find_nothing(string url)
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url} answered {response.StatusCode}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("SQLite", Encoding.ASCII.GetString(body));
        Assert.False(body.Length > 4 && body[0] == 0 && body[1] == 0, "binary store content leaked");
    }

    [Fact]
    public async Task A_hostile_upload_name_is_reduced_to_a_safe_file_name_and_downloads_with_a_safe_header()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var page = await client.GetDocumentAsync($"/Tasks/{_task.Code}");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("会议纪要：研究安全工作。"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", "../../..\\evil\r\nSet-Cookie: x=1\r\n纪要.txt");
        content.Add(new StringContent("Minutes"), "kind");
        content.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        await client.PostAsync($"/Tasks/{_task.Code}?handler=Upload", content);

        var stored = _app.Service<DossierService>().DossierOf(_task.Id).Single(e => e.OriginalFileName.EndsWith("纪要.txt", StringComparison.Ordinal));
        Assert.DoesNotContain("/", stored.OriginalFileName);
        Assert.DoesNotContain("\\", stored.OriginalFileName);
        Assert.DoesNotContain("\r", stored.OriginalFileName);
        Assert.DoesNotContain("\n", stored.OriginalFileName);
        var download = await client.GetAsync($"/Evidence/{stored.Id}?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.False(download.Headers.Contains("Set-Cookie") && download.Headers.GetValues("Set-Cookie").Any(v => v.StartsWith("x=", StringComparison.Ordinal)));
        Assert.EndsWith("纪要.txt", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_post_with_another_sessions_token_is_rejected_and_changes_nothing()
    {
        var attacker = _app.CreateClient();
        await attacker.SignInAsync();
        var attackerToken = (await attacker.GetDocumentAsync($"/Tasks/{_task.Code}")).AntiforgeryToken();
        var victim = _app.CreateClient();
        await victim.SignInAsync();
        var before = _app.Service<DossierService>().DossierOf(_task.Id).Count;
        var response = await victim.PostAsync("/Admin/Users?handler=Create", new FormUrlEncodedContent(
        [
            new("Input.Name", "intruder"), new("Input.Role", "Admin"), new("Input.Password", "Intruder-2018!"),
            new("__RequestVerificationToken", attackerToken),
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(_app.Service<AccountService>().Find("intruder"));
        Assert.Equal(before, _app.Service<DossierService>().DossierOf(_task.Id).Count);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_errors_show_no_stack_trace()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        var response = await client.GetAsync("/Tasks/不存在的任务");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.DoesNotContain("Exception", html);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
