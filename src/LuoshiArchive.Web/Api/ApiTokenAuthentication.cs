using System.Security.Claims;
using System.Text.Encodings.Web;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LuoshiArchive.Web.Api;

/// <summary>
/// <c>Authorization: Bearer luoshi_…</c>: the request acts as the token's owner, with the same claims a signed-in page
/// user has (role, department), so every Core check applies unchanged. Cookies are never accepted on the API.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "luoshi:token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("Authorization 请求头应为“Bearer 令牌”。"));
        if (tokens.Authenticate(header["Bearer ".Length..].Trim()) is not { } found)
            return Task.FromResult(AuthenticateResult.Fail("API 令牌无效、已吊销或已过期。"));
        var claims = WebSetup.PrincipalFor(found.Account).Claims
            .Append(new Claim(TokenIdClaim, found.Token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? "缺少 API 令牌：请在请求头中加入“Authorization: Bearer 令牌”（令牌在“我的账户 → API 令牌”中创建）。";
        await ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "您的角色无权调用该接口。");
}
