using System.Threading.RateLimiting;
using LuoshiArchive.Core;
using Microsoft.AspNetCore.RateLimiting;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in page's posts: at most <see cref="LuoshiOptions.SignInPostsPerMinute"/>
/// per client address and minute; past it 429 with a message in Chinese, before any password is checked or anything is
/// stored. Behind a proxy the address is the client's only with <c>ForwardedHeaders:Enabled</c> (docs/configuration.md).
/// </summary>
public sealed class SignInRateLimit(LuoshiOptions options) : IRateLimiterPolicy<string>
{
    public const string Policy = "signin";
    public const string Message = "登录尝试过于频繁，请一分钟后再试。";

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "未知地址";

    public RateLimitPartition<string> GetPartition(HttpContext context) =>
        !HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.SignInPostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.Headers.RetryAfter = "60";
        context.HttpContext.Items[Pages.StatusModel.MessageKey] = Message;
        return ValueTask.CompletedTask;
    };
}
