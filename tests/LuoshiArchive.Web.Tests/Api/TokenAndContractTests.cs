using System.Net;
using System.Text.Json;
using LuoshiArchive.Core.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Web.Tests.Api;

/// <summary>Tokens over their life (made on the account page, shown once, revoked, expired) and the OpenAPI document.</summary>
public class TokenAndContractTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_token_made_on_the_account_page_is_shown_once_works_and_stops_when_revoked()
    {
        app.Tokens();
        var browser = app.CreateClient();
        await browser.SignInAsync(ApiFactory.ClerkName, LuoshiWebFactory.AdminPassword);

        var made = await browser.PostFormAsync("/Account", [new("label", "OA 系统对接"), new("expires", "2018-12-31")], "/Account?handler=CreateToken");
        var page = BrowserLikeClient.Parse(await made.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("#new-token")!.GetAttribute("value")!;
        Assert.StartsWith(ApiTokens.SecretPrefix, secret);

        Assert.Equal(HttpStatusCode.OK, (await app.ClientWith(secret).GetAsync("/api/v1/tasks")).StatusCode);
        var again = (await browser.GetDocumentAsync("/Account")).Body!;
        Assert.DoesNotContain(secret, again.OuterHtml);
        var row = again.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("OA 系统对接"));
        Assert.Contains("2018-12-31", row.TextContent);
        Assert.Contains(secret[..13], row.TextContent);
        var stored = app.Service<ApiTokens>().Of(ApiFactory.ClerkName).Single(t => t.Label == "OA 系统对接");
        Assert.Equal(ApiTokens.HashOf(secret), stored.Hash);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(stored));

        var revoke = row.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        await browser.PostFormAsync("/Account", [new("id", revoke)], "/Account?handler=RevokeToken");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWith(secret).GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Contains("已吊销", (await browser.GetDocumentAsync("/Account")).Body!.TextContent);
    }

    [Fact]
    public async Task An_expired_token_or_a_disabled_owners_token_is_refused()
    {
        app.Tokens();
        var tokens = app.Service<ApiTokens>();
        var accounts = app.Service<AccountService>();
        accounts.Create("leaver", "将离职", LuoshiWebFactory.AdminPassword, UserRole.Inspector);
        var lastDay = tokens.Create("leaver", "短期", new DateOnly(2018, 6, 15), Actor.Console()).Secret;
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWith(lastDay).GetAsync("/api/v1/tasks")).StatusCode);

        app.Clock.MoveTo(new DateOnly(2018, 6, 16));
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWith(lastDay).GetAsync("/api/v1/tasks")).StatusCode);
            var lasting = tokens.Create("leaver", "长期", null, Actor.Console()).Secret;
            accounts.SetDisabled("leaver", true, Actor.Console());
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWith(lasting).GetAsync("/api/v1/tasks")).StatusCode);
        }
        finally
        {
            app.Clock.MoveTo(new DateOnly(2018, 6, 15));
        }
        var past = Assert.Throws<Core.DomainRuleException>(() => tokens.Create("office", "过去", new DateOnly(2018, 1, 1), Actor.Console()));
        Assert.Contains("已早于今天", past.Message);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint_and_the_bearer_scheme()
    {
        app.Tokens();
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var mapped = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => (Path: OpenApiPath(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToHashSet();
        var described = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => (Path: p.Name, Method: m.Name))).ToHashSet();

        Assert.True(mapped.Count >= 11, $"only {mapped.Count} endpoints mapped");
        Assert.Equal(mapped.OrderBy(x => x.Path).ThenBy(x => x.Method), described.OrderBy(x => x.Path).ThenBy(x => x.Method));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer")
            .GetProperty("scheme").GetString());
        var upload = paths.GetProperty("/api/v1/tasks/{code}/evidence").GetProperty("post");
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(upload.GetProperty("responses").TryGetProperty("400", out _));
        var list = paths.GetProperty("/api/v1/tasks").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(list.GetProperty("content").TryGetProperty("application/json", out _));
    }

    private static string OpenApiPath(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:\w+)?\}", "{$1}");
}

/// <summary>The app with a budget of three API requests a minute per token.</summary>
public sealed class TightBudgetFactory : LuoshiWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Luoshi:ApiRequestsPerMinute", "3");
    }
}

public class RateLimitTests(TightBudgetFactory app) : IClassFixture<TightBudgetFactory>
{
    [Fact]
    public async Task Past_the_budget_a_token_gets_429_with_the_chinese_reason_and_other_tokens_are_unaffected()
    {
        app.EnsureAdmin();
        var tokens = app.Service<ApiTokens>();
        var busy = tokens.Create(LuoshiWebFactory.AdminName, "忙", null, Actor.Console()).Secret;
        var quiet = tokens.Create(LuoshiWebFactory.AdminName, "闲", null, Actor.Console()).Secret;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", busy);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks")).StatusCode);
        var refused = await client.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("每分钟最多 3 次", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
        var other = app.CreateClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", quiet);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/tasks")).StatusCode);
    }
}
