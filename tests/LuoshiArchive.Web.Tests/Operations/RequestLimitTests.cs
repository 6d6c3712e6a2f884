using System.Net;
using System.Net.Http.Headers;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Operations;

/// <summary>
/// The upload limit (<c>Luoshi:MaxUploadBytes</c>) is the one that answers, on the real server: a file under it is
/// taken in whole (Kestrel's 30,000,000-byte default no longer refuses it first), one over it gets 413 with the limit
/// in the message.
/// </summary>
public class RequestLimitTests(KestrelWebFactory app) : IClassFixture<KestrelWebFactory>
{
    private async Task<(HttpClient Client, string Code, string Token)> SignedInOnTaskPageAsync()
    {
        app.EnsureAdmin();
        var tasks = app.Service<TaskRegistry>();
        var task = tasks.Find("2018-090") ?? tasks.Create(new TaskDraft { Year = 2018, Code = "2018-090", Name = "上传限制测试任务" }, Actor.Console());
        // The client waits for the server's answer to "Expect: 100-continue" before it sends a body: a refusal comes
        // first, not a broken pipe (the default wait of 1 s ran out on a loaded machine).
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, CookieContainer = new(), Expect100ContinueTimeout = TimeSpan.FromMinutes(2),
        };
        var client = new HttpClient(handler)
        {
            BaseAddress = app.Start(),
        };
        await client.SignInAsync();
        var page = await client.GetDocumentAsync($"/Tasks/{task.Code}");
        return (client, task.Code, page.AntiforgeryToken());
    }

    private static MultipartFormDataContent Upload(string token, long bytes, string name)
    {
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Other"), "kind" },
            { file, "files", name },
        };
    }

    [Fact]
    public async Task A_31_MB_upload_under_the_limit_reaches_the_dossier()
    {
        var (client, code, token) = await SignedInOnTaskPageAsync();
        var response = await client.PostAsync($"/Tasks/{code}?handler=Upload", Upload(token, 31_000_000, "三十一兆.bin"));
        // The page answers with its own verdict on the file (a redirect to the task), not with a server refusal.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = (await client.GetDocumentAsync($"/Tasks/{code}")).Body!.TextContent;
        Assert.Contains("三十一兆.bin", report);
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_413_with_the_limit_in_the_message()
    {
        var (client, code, token) = await SignedInOnTaskPageAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Tasks/{code}?handler=Upload")
        {
            Content = Upload(token, KestrelWebFactory.UploadLimit + 2 * 1024 * 1024, "太大.bin"),
        };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("文件过大（上限 40 MB）", await response.Content.ReadAsStringAsync());
    }
}
