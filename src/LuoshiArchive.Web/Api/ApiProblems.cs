using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace LuoshiArchive.Web.Api;

/// <summary>
/// Errors on the API as RFC 9457 problem details (<c>application/problem+json</c>) with the Chinese message the pages
/// show: a refused action 403, bad input 400, an unknown id 404, too many requests 429. No HTML status page on the API.
/// </summary>
public static class ApiProblems
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "未认证",
        403 => "无权访问",
        404 => "未找到",
        405 => "不支持该请求方法",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        429 => "请求过于频繁",
        503 => "服务暂不可用",
        >= 500 => "服务器内部错误",
        _ => "请求未完成",
    };

    private static string DefaultDetail(int status) => status switch
    {
        404 => "没有这个接口或对象。",
        405 => "该接口不支持此请求方法。",
        413 => "请求内容超过大小上限，未保存任何内容。请压缩或拆分后再上传。",
        415 => "请求的内容类型不受支持：文件请用 multipart/form-data，其余用 application/json。",
        _ => Title(status) + "。",
    };

    public static Task Write(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return TypedResults.Problem(detail, context.Request.Path, status, Title(status),
            $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}").ExecuteAsync(context);
    }

    /// <summary>
    /// For /api requests: Core refusals and bad input become problems, and an empty error response (unknown route,
    /// unreadable parameter) gets a problem body instead of the HTML status page.
    /// </summary>
    public static async Task Handle(HttpContext context, Func<Task> next)
    {
        if (!IsApi(context))
        {
            await next();
            return;
        }
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        try
        {
            await next();
        }
        catch (Exception e) when (!context.Response.HasStarted && Status(e) is { } status)
        {
            context.Response.Clear();
            await Write(context, status, e is BadHttpRequestException { StatusCode: 413 }
                ? "上传内容超过大小上限。" : e is BadHttpRequestException ? "请求无法读取：" + e.Message : e.Message);
            return;
        }
        // The site's refusal middleware turns a Core refusal into an empty 403 and keeps its message for the status page.
        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } response && response.ContentType is null)
            await Write(context, response.StatusCode,
                context.Items[Pages.StatusModel.MessageKey] as string ?? DefaultDetail(response.StatusCode));
    }

    private static int? Status(Exception e) => e switch
    {
        AccessDeniedException => StatusCodes.Status403Forbidden,
        DomainRuleException or ExtractionException => StatusCodes.Status400BadRequest,
        BadHttpRequestException bad => bad.StatusCode,
        System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
        _ => null,
    };
}
