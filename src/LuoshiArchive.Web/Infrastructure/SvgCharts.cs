using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// Server-drawn SVG bar charts: no script, no inline style (the CSP forbids both), readable in print and without
/// colour (every series has its own fill pattern and every bar its number), every bar a link to what it counts.
/// Built with XElement, so labels are escaped like any XML text.
/// </summary>
public static class SvgCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int LegendHeight = 30;

    /// <summary>Horizontal bars, one row of bars per group (departments, leaders, lights).</summary>
    public static IHtmlContent Bars(BarChart chart)
    {
        const int labelWidth = 170, area = 400, valueWidth = 44, barHeight = 16, gap = 3, groupGap = 12;
        var max = Math.Max(1, chart.Groups.SelectMany(g => g.Bars).Select(b => b.Value).DefaultIfEmpty(0).Max());
        var body = new List<XElement>();
        var y = LegendHeight;
        foreach (var group in chart.Groups)
        {
            var groupHeight = group.Bars.Count * (barHeight + gap) - gap;
            body.Add(Text(labelWidth - 8, y + groupHeight / 2 + 5, group.Label, "end"));
            foreach (var bar in group.Bars)
            {
                var width = (int)Math.Round((double)bar.Value / max * area);
                body.Add(Link(bar, chart.Series[bar.Series].Name,
                    Rect(chart.Id, bar.Series, labelWidth, y, Math.Max(width, 1), barHeight),
                    Text(labelWidth + Math.Max(width, 1) + 4, y + 13, bar.Value.ToString(CultureInfo.InvariantCulture))));
                y += barHeight + gap;
            }
            y += groupGap - gap;
        }
        return Document(chart, labelWidth + area + valueWidth, y, body);
    }

    /// <summary>Vertical columns, groups side by side (the months of a year).</summary>
    public static IHtmlContent Columns(BarChart chart)
    {
        const int left = 8, plot = 160, columnWidth = 12, gap = 2, groupGap = 12, labels = 36;
        var max = Math.Max(1, chart.Groups.SelectMany(g => g.Bars).Select(b => b.Value).DefaultIfEmpty(0).Max());
        var body = new List<XElement>();
        var baseline = LegendHeight + 14 + plot;
        var x = left;
        foreach (var group in chart.Groups)
        {
            var groupWidth = group.Bars.Count * (columnWidth + gap) - gap;
            foreach (var bar in group.Bars)
            {
                var height = Math.Max((int)Math.Round((double)bar.Value / max * plot), 1);
                body.Add(Link(bar, chart.Series[bar.Series].Name,
                    Rect(chart.Id, bar.Series, x, baseline - height, columnWidth, height),
                    Text(x + columnWidth / 2, baseline - height - 3, bar.Value.ToString(CultureInfo.InvariantCulture), "middle", small: true)));
                x += columnWidth + gap;
            }
            body.Add(Text(x - gap - groupWidth / 2, baseline + 18, group.Label, "middle"));
            x += groupGap - gap;
        }
        body.Insert(0, new XElement(Svg + "line", new XAttribute("x1", left), new XAttribute("x2", x), new XAttribute("y1", baseline),
            new XAttribute("y2", baseline), new XAttribute("stroke", "#000"), new XAttribute("stroke-width", "1")));
        return Document(chart, Math.Max(x, 420), baseline + labels, body);
    }

    private static HtmlString Document(BarChart chart, int width, int height, IEnumerable<XElement> body)
    {
        var titleId = chart.Id + "-title";
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("class", "chart"),
            // A group, not an image: its bars are links, and an image may not contain anything interactive (WCAG 4.1.2).
            new XAttribute("role", "group"),
            new XAttribute("aria-labelledby", titleId), new XAttribute("font-size", "13"),
            new XElement(Svg + "title", new XAttribute("id", titleId), chart.Title),
            new XElement(Svg + "defs", chart.Series.Select((s, i) => Pattern(chart.Id + "-p" + i, s))),
            Legend(chart), body);
        return new HtmlString(svg.ToString(SaveOptions.DisableFormatting));
    }

    private static IEnumerable<XElement> Legend(BarChart chart)
    {
        var x = 8;
        for (var i = 0; i < chart.Series.Count; i++)
        {
            yield return Rect(chart.Id, i, x, 8, 16, 14);
            yield return Text(x + 21, 20, chart.Series[i].Name);
            x += 30 + chart.Series[i].Name.Length * 14;
        }
    }

    private static XElement Link(ChartBar bar, string series, params XElement[] content) =>
        new(Svg + "a", new XAttribute("href", bar.Href),
            new XElement(Svg + "title", $"{series}：{bar.Value}（点击查看）"), content);

    private static XElement Rect(string chart, int series, int x, int y, int width, int height) =>
        new(Svg + "rect", new XAttribute("x", x), new XAttribute("y", y), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("fill", $"url(#{chart}-p{series})"), new XAttribute("stroke", "#000"), new XAttribute("stroke-width", "0.75"));

    private static XElement Text(int x, int y, string text, string anchor = "start", bool small = false)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", x), new XAttribute("y", y), new XAttribute("fill", "#000"), text);
        if (anchor != "start") element.Add(new XAttribute("text-anchor", anchor));
        if (small) element.Add(new XAttribute("font-size", "10"));
        return element;
    }

    private static XElement Pattern(string id, ChartSeries series)
    {
        var pattern = new XElement(Svg + "pattern", new XAttribute("id", id), new XAttribute("patternUnits", "userSpaceOnUse"),
            new XAttribute("width", "6"), new XAttribute("height", "6"));
        pattern.Add(new XElement(Svg + "rect", new XAttribute("width", "6"), new XAttribute("height", "6"), new XAttribute("fill", series.Tint)));
        var marks = series.Pattern switch
        {
            ChartPattern.Diagonal => new XElement(Svg + "path", new XAttribute("d", "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"),
                new XAttribute("stroke", "#000"), new XAttribute("stroke-width", "1")),
            ChartPattern.Cross => new XElement(Svg + "path", new XAttribute("d", "M0,0 L6,6 M6,0 L0,6"),
                new XAttribute("stroke", "#000"), new XAttribute("stroke-width", "0.8")),
            ChartPattern.Dots => new XElement(Svg + "circle", new XAttribute("cx", "3"), new XAttribute("cy", "3"), new XAttribute("r", "1.2"),
                new XAttribute("fill", "#000")),
            _ => null,
        };
        if (marks is not null) pattern.Add(marks);
        return pattern;
    }
}
