using Microsoft.AspNetCore.Diagnostics;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// Unhandled errors: the request is re-run as GET /Error (without the query string: a POST to
/// <c>?handler=Upload</c> re-run as <c>/Error?handler=Upload</c> found no handler and answered 404), which answers 500
/// with an error number; the log line of the exception carries the same number.
/// </summary>
public static class ErrorPage
{
    public static void UseErrorPage(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // The page logs the exception itself, with its number.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.Use((context, next) =>
        {
            if (context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
                context.Request.QueryString = QueryString.Empty;
            }
            return next(context);
        });
    }

    /// <summary>The number shown to the user and written to the log: short enough to read out on the phone.</summary>
    public static string ErrorNumber(HttpContext context) => context.TraceIdentifier;
}
