using Microsoft.AspNetCore.StaticFiles;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>The content type a download is sent with, from its stored file name; unknown types download as bytes.</summary>
public static class ContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = new();

    public static string For(string fileName) =>
        Provider.TryGetContentType(fileName, out var type) && !type.StartsWith("text/html", StringComparison.Ordinal)
            ? type
            : "application/octet-stream"; // never serve stored HTML as a page of this site
}
