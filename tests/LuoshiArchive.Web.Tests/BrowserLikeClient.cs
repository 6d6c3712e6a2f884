using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LuoshiArchive.Web.Tests;

/// <summary>
/// Drives the app as a browser would: GET a page, read its antiforgery token from the form, POST with the same
/// cookies. Extension methods keep the tests reading as sentences.
/// </summary>
public static class BrowserLikeClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static string AntiforgeryToken(this IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("page has no antiforgery token");

    /// <summary>GETs <paramref name="pageUrl"/>, then POSTs the fields with that page's token to <paramref name="postUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var all = fields.Append(new("__RequestVerificationToken", page.AntiforgeryToken()));
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(all));
    }

    public static async Task SignInAsync(this HttpClient client, string name = LuoshiWebFactory.AdminName,
        string password = LuoshiWebFactory.AdminPassword)
    {
        var response = await client.PostFormAsync("/Account/Login", [new("name", name), new("password", password)]);
        var landedOn = response.Headers.Location?.OriginalString ?? response.RequestMessage?.RequestUri?.AbsolutePath;
        if (landedOn is null || landedOn.StartsWith("/Account/Login", StringComparison.Ordinal))
            throw new InvalidOperationException("sign-in failed");
    }
}
