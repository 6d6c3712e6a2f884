using System.Net;
using Microsoft.AspNetCore.Html;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// Turns search-engine text with \u0001…\u0002 match markers into safe HTML: everything is encoded first, then the
/// markers (which cannot come from a document, being control characters) become &lt;mark&gt; elements.
/// </summary>
public static class Marked
{
    public static IHtmlContent Html(string? marked) =>
        new HtmlString(WebUtility.HtmlEncode(marked ?? "").Replace("\u0001", "<mark>").Replace("\u0002", "</mark>"));
}
