using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using LuoshiArchive.Core;
using LuoshiArchive.Core.PublicProgress;

namespace LuoshiArchive.Web.Pages.Public;

/// <summary>
/// The public feeds and the CMS sheet, no sign-in: /public/feed.json (JSON Feed 1.1), /public/feed.xml (RSS 2.0) and
/// /public/export.xlsx?year=YYYY. They read <see cref="PublicCatalogue"/>, as the page does, so they carry exactly
/// what the page shows. Links are absolute, from the request (scheme, host and path base: X-Forwarded-Proto applied).
/// </summary>
public static class PublicFeeds
{
    public static void MapPublicFeeds(this WebApplication app)
    {
        app.MapGet("/public/feed.json", (HttpContext context, PublicCatalogue catalogue, LuoshiOptions options) =>
            Results.Text(Json(Site(context), catalogue.Latest(), options.OrganisationName),
                "application/feed+json; charset=utf-8")).AllowAnonymous();
        app.MapGet("/public/feed.xml", (HttpContext context, PublicCatalogue catalogue, LuoshiOptions options) =>
            Results.Text(Rss(Site(context), catalogue.Latest(), options.OrganisationName),
                "application/rss+xml; charset=utf-8")).AllowAnonymous();
        app.MapGet("/public/export.xlsx", (int? year, PublicCatalogue catalogue, LuoshiOptions options,
            TimeProvider clock) =>
        {
            if (year is < 2000 or > 2100) return Results.NotFound();
            var years = catalogue.Years();
            var shown = year ?? (years.Count > 0 ? years[0] : clock.GetLocalNow().Year);
            var output = new MemoryStream();
            PublicSheet.Write(output, shown, catalogue.Year(shown), options.OrganisationName);
            output.Position = 0;
            return Results.File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"重大事项进展-{shown}.xlsx");
        }).AllowAnonymous();
    }

    private static string Site(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    private static string Title(string organisation) => $"{organisation}重大事项进展情况";

    private static string Link(string site, PublicItem item) =>
        $"{site}/public?year={item.Year}#task-{Uri.EscapeDataString(item.Code)}";

    /// <summary>The item's text: the public fields, one per line.</summary>
    private static string Text(PublicItem item) =>
        $"状态：{item.Status}\n目标任务：{item.Target}\n完成时限：{item.Deadline?.ToString("yyyy-MM-dd") ?? "未定"}\n" +
        $"最新进展（{item.ProgressDate:yyyy-MM-dd}）：{item.Progress}\n" +
        $"索引号：{item.IndexNumber}　主题分类：{item.Theme}　公开属性：{item.Attribute}";

    private static string Json(string site, IReadOnlyList<PublicItem> items, string organisation)
    {
        var feed = new Dictionary<string, object?>
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = Title(organisation),
            ["home_page_url"] = $"{site}/public",
            ["feed_url"] = $"{site}/public/feed.json",
            ["description"] = "与群众利益密切相关的重大事项、重大项目的进展情况",
            ["language"] = "zh-CN",
            ["items"] = items.Select(item => new Dictionary<string, object?>
            {
                ["id"] = item.IndexNumber,
                ["url"] = Link(site, item),
                ["title"] = item.Name,
                ["content_text"] = Text(item),
                ["date_published"] = Rfc3339(item.ChangedAt),
                ["date_modified"] = Rfc3339(item.ChangedAt),
                ["tags"] = new[] { item.Theme },
                // Custom fields start with "_" (JSON Feed 1.1): the catalogue's columns for a CMS.
                ["_luoshi"] = new Dictionary<string, object?>
                {
                    ["index_number"] = item.IndexNumber, ["theme"] = item.Theme, ["attribute"] = item.Attribute,
                    ["year"] = item.Year, ["status"] = item.Status, ["target"] = item.Target,
                    ["deadline"] = item.Deadline?.ToString("yyyy-MM-dd"), ["progress"] = item.Progress,
                    ["progress_date"] = item.ProgressDate.ToString("yyyy-MM-dd"),
                },
            }).ToList(),
        };
        return JsonSerializer.Serialize(feed, new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Rss(string site, IReadOnlyList<PublicItem> items, string organisation)
    {
        var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", Title(organisation));
            xml.WriteElementString("link", $"{site}/public");
            xml.WriteElementString("description", "与群众利益密切相关的重大事项、重大项目的进展情况");
            xml.WriteElementString("language", "zh-cn");
            if (items.Count > 0) xml.WriteElementString("lastBuildDate", Rfc822(items.Max(i => i.ChangedAt)));
            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", $"{site}/public/feed.xml");
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Name);
                xml.WriteElementString("link", Link(site, item));
                xml.WriteElementString("description", Text(item));
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(item.IndexNumber);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc822(item.ChangedAt));
                xml.WriteElementString("category", item.Theme);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return text.ToString();
    }

    private static string Rfc822(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc)
            .ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
