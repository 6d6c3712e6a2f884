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
        Assert.True(json.RootElement.GetProperty("disk").GetProperty("freeBytes").GetInt64() > 0);
        Assert.Equal(["status", "store", "index", "disk", "schemaVersion"], json.RootElement.EnumerateObject().Select(p => p.Name));
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
