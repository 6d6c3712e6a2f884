namespace LuoshiArchive.Web.Infrastructure;

/// <summary>A chart's data: the series (legend, fill pattern) and groups of linked bars. Drawn by <see cref="SvgCharts"/>.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartGroup> Groups);

/// <summary>
/// A series' name and look: a fill pattern that tells it apart without colour (solid, diagonal, cross-hatch, dots),
/// over a tint that helps on screen.
/// </summary>
public sealed record ChartSeries(string Name, ChartPattern Pattern, string Tint);

public sealed record ChartGroup(string Label, IReadOnlyList<ChartBar> Bars);

/// <summary>One bar: its number, the page that lists what it counts, and its series (index into the chart's series).</summary>
public sealed record ChartBar(int Value, string Href, int Series);

public enum ChartPattern
{
    Solid,
    Diagonal,
    Cross,
    Dots,
}
