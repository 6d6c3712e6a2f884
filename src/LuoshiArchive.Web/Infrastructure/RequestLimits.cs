using LuoshiArchive.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// One request-size limit, derived from <see cref="LuoshiOptions.MaxUploadBytes"/>: Kestrel's body limit (30,000,000
/// bytes by default, which answered before the app's 50 MB could) and the multipart form limit are both set to the
/// upload limit plus room for the form's other fields. A body past it gets 413 and the status page says
/// "文件过大（上限 50 MB）", without the body being read when its length is announced.
/// </summary>
public static class RequestLimits
{
    /// <summary>Room for the multipart framing and the form's other fields beside the file.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    public static long BodyLimit(LuoshiOptions options) => options.MaxUploadBytes + FormOverheadBytes;

    /// <summary>The one page that takes larger bodies: an annual bundle uploaded by an administrator.</summary>
    public const string BundleImportPath = "/Archive/Import";

    public static void AddRequestLimits(this WebApplicationBuilder builder, LuoshiOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = BodyLimit(options));
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = BodyLimit(options));
    }

    /// <summary>Place inside the status-code pages, so a 413 is shown with its message.</summary>
    public static void UseRequestLimits(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<LuoshiOptions>();
        var bundleLimit = options.MaxBundleUploadBytes + FormOverheadBytes;
        app.Use(async (context, next) =>
        {
            var limit = BodyLimit(options);
            // The bundle import page (administrators only, checked by the page) reads a whole year's archive: the form
            // is read with the larger limit too (its file part is buffered to disk, never held in memory).
            if (context.Request.Path.Equals(BundleImportPath, StringComparison.OrdinalIgnoreCase)
                && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                limit = bundleLimit;
                context.Features.Set<IFormFeature>(new FormFeature(context.Request,
                    new FormOptions { MultipartBodyLengthLimit = bundleLimit }));
            }
            // The status page re-runs this request to show the 413: let it through then.
            if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            // A body without a length (chunked) is stopped by the server's limit while it is read.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            try
            {
                await next();
            }
            catch (Exception e) when (TooLarge(e) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        });
    }

    private static bool TooLarge(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
            if (e is InvalidDataException && e.Message.Contains("length limit", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
