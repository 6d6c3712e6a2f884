using System.Net;
using System.Text.Json;

namespace LuoshiArchive.Web.Tests.Operations;

public class HealthTests : IClassFixture<LuoshiWebFactory>
{
    private readonly LuoshiWebFactory _app;

    public HealthTests(LuoshiWebFactory app) => _app = app;

    [Fact]
    public async Task Health_answers_without_sign_in_and_without_data()
    {
        var response = await _app.NoRedirectClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("store").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("index").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("disk").GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("disk").TryGetProperty("freeBytes", out _), "free disk bytes shown to anyone");
        Assert.Equal(["status", "store", "index", "disk", "schemaVersion"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Only_a_signed_in_administrator_sees_the_free_disk_bytes()
    {
        _app.EnsureAdmin();
        var admin = _app.CreateClient();
        await admin.SignInAsync();

        using var json = JsonDocument.Parse(await admin.GetStringAsync("/health"));

        Assert.True(json.RootElement.GetProperty("disk").GetProperty("freeBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Pages_and_downloads_are_not_kept_by_the_browser_while_static_files_may_be()
    {
        _app.EnsureAdmin();
        var task = _app.Service<LuoshiArchive.Core.Tasks.TaskRegistry>().Create(
            new LuoshiArchive.Core.Tasks.TaskDraft { Year = 2018, Name = "下载缓存测试" }, LuoshiArchive.Core.Accounts.Actor.Console());
        var evidence = (await _app.Service<LuoshiArchive.Core.Dossiers.DossierService>().AddAsync(
            new MemoryStream("不应留在缓存里的原件"u8.ToArray()), "原件.txt", [task.Code], null, LuoshiArchive.Core.Accounts.Actor.Console())).Evidence;
        var admin = _app.CreateClient();
        await admin.SignInAsync();

        var download = await admin.GetAsync($"/Evidence/{evidence.Id}?handler=Download");
        var page = await _app.NoRedirectClient().GetAsync("/Account/Login");
        var style = await _app.NoRedirectClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl?.NoStore, "the download lacks Cache-Control: no-store");
        Assert.True(page.Headers.CacheControl?.NoStore, "the sign-in page lacks Cache-Control: no-store");
        Assert.NotEqual(true, style.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Pages_send_the_security_headers()
    {
        var response = await _app.NoRedirectClient().GetAsync("/Account/Login");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
