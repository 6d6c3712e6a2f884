using LuoshiArchive.Core.Accounts;
using System.Net;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Web.Tests.Pages.Archive;

public class BundlePageTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;

    public BundlePageTests(LuoshiWebFactory app)
    {
        _app = app;
        _app.EnsureAdmin();
        var tasks = app.Service<TaskRegistry>();
        if (tasks.Find("2018-001") is null) tasks.Create(new TaskDraft { Year = 2018, Name = "建立佐证材料档案" }, Actor.Console("t"));
    }

    [Fact]
    public async Task The_bundle_is_built_in_the_background_with_progress_then_downloaded_as_a_valid_bag()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();

        var firstLink = await BuildAsync(client);
        var download = await client.GetAsync(firstLink);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        Assert.Empty(BagVerifier.Verify(file));

        // Building the year again (the next day) replaces the earlier bundle: one ZIP of the year on the server, not one
        // per click.
        _app.Clock.MoveTo(new DateOnly(2018, 6, 16));
        await client.SignInAsync(); // yesterday's sign-in has expired
        var secondLink = await BuildAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(secondLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(firstLink)).StatusCode);
        var exports = Path.Combine(_app.Service<LuoshiArchive.Core.LuoshiOptions>().StoragePath, "exports");
        Assert.Single(Directory.GetFiles(exports, "2018年度归档包-*.zip"));

        // What a clerk reads names no server folder and no command to run.
        var exported = _app.Service<LuoshiArchive.Core.Audit.AuditLog>().Find(action: "bundle.exported");
        Assert.NotEmpty(exported);
        Assert.All(exported, e => Assert.DoesNotContain(exports, e.Details));
        var archivePage = (await client.GetDocumentAsync("/Archive")).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("luoshi", archivePage);
    }

    /// <summary>Starts the 2018 bundle and follows its progress page until the download link appears.</summary>
    private static async Task<string> BuildAsync(HttpClient client)
    {
        var started = await client.PostFormAsync("/Archive", [new("year", "2018")]);
        var jobUrl = started.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.Contains("job=", jobUrl);
        var page = await client.GetDocumentAsync(jobUrl);
        for (var i = 0; i < 300 && page.QuerySelector("a[href*=Download]") is null; i++)
        {
            Assert.NotNull(page.QuerySelector("progress, .ok, .errors"));
            await Task.Delay(100);
            page = await client.GetDocumentAsync(jobUrl);
        }
        return page.QuerySelector("a[href*=Download]")!.GetAttribute("href")!;
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_and_paths_are_never_taken_from_the_request()
    {
        var client = _app.CreateClient();
        await client.SignInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Archive?handler=Download&job={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Archive?handler=Download&job=../../etc/passwd")).StatusCode);
    }
}
