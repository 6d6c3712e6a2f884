using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using LuoshiArchive.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace LuoshiArchive.Web.Api;

/// <summary>
/// The HTTP API under <c>/api/v1</c>: bearer tokens only (never the sign-in cookie, so no cross-site request can use
/// it), a request budget per token, problem details for errors, and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiSetup
{
    public const string Policy = "api";

    public static void AddLuoshiApi(this IServiceCollection services, LuoshiOptions options)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization(auth => auth.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser()));
        services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) ?? context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.ApiRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            limits.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(ApiProblems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"请求过于频繁：每个令牌每分钟最多 {options.ApiRequestsPerMinute} 次，请稍后再试。"));
            };
        });
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "落实档案 LuoshiArchive API", Version = "v1",
                    Description = "以个人 API 令牌调用（Authorization: Bearer 令牌），权限与令牌所属账户相同。错误按 RFC 9457 返回 problem details。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "个人 API 令牌（luoshi_…）",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>Call after authentication, authorization and the rate limiter: the request budget is counted per token.</summary>
    public static void UseLuoshiApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).RequireRateLimiting(Policy).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // Anything else under /api is a 404 problem, not the sign-in page the site's fallback policy would send.
        app.MapFallback("/api/{**rest}", (HttpContext http) =>
                ApiProblems.Write(http, StatusCodes.Status404NotFound, $"没有这个接口：{http.Request.Method} {http.Request.Path}。"))
            .AllowAnonymous().ExcludeFromDescription();
        TasksApi.Map(api);
        EvidenceApi.Map(api);
        SearchApi.Map(api);
        MeetingsApi.Map(api);
        SupervisionApi.Map(api);
        DocumentsApi.Map(api);
    }
}
