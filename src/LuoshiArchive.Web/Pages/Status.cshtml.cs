using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages;

/// <summary>The page shown for 403, 404 and other status codes (re-executed by the status-code middleware).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class StatusModel(Core.LuoshiOptions options) : PageModel
{
    /// <summary>HttpContext.Items key under which the refusing service's message travels to this page.</summary>
    public const string MessageKey = "luoshi.status.message";

    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Show(code);

    public void OnPost() => Show(0);

    private void Show(int code)
    {
        // A re-run request keeps the status to show; a POST's code is never bound from its form, which may be the
        // oversized body that caused the 413.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            code = Response.StatusCode;
        // Re-executed requests keep the original status; a direct visit to /Status/N shows the same text.
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        (Heading, Message) = code switch
        {
            403 => ("无权操作", HttpContext.Items[MessageKey] as string ?? "您的角色或所在处室无权进行该操作。如需办理，请联系办公室管理员。"),
            404 => ("页面不存在", "您要找的页面或材料不存在，可能已被删除或地址有误。"),
            400 => ("请求无效", HttpContext.Items[MessageKey] as string ?? "提交的内容无效或已过期，请返回上一页刷新后重试。"),
            429 => ("请求过于频繁", HttpContext.Items[MessageKey] as string ?? "请求过于频繁，请稍后再试。"),
            413 => ("文件过大", Core.Storage.BlobStore.TooLarge(options.MaxUploadBytes) + "，未保存。请压缩或拆分后再上传。"),
            _ => ("出错了", "处理请求时出现错误，请稍后重试。"),
        };
    }
}
