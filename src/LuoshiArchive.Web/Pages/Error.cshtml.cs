using LuoshiArchive.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LuoshiArchive.Web.Pages;

/// <summary>An unhandled error: 500, the error number on the page, the exception with the same number in the log.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string? RequestId { get; private set; }

    public void OnGet()
    {
        RequestId = ErrorPage.ErrorNumber(HttpContext);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
            Failed(logger, RequestId, failed.Path, failed.Error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "未处理的错误，编号 {ErrorNumber}，地址 {Path}")]
    private static partial void Failed(ILogger logger, string errorNumber, string path, Exception error);
}
