using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LuoshiArchive.Core.Tests.OfficialDocuments.Layout;

/// <summary>A rendered PDF as poppler reads it: every text line's box in millimetres from the page's top left, per page.</summary>
public sealed partial class PrintedDocument
{
    public const double PointsToMm = 25.4 / 72;
    /// <summary>The type area (GB/T 9704): 28 mm from the left, 156 mm wide, 37 mm from the top, 225 mm high.</summary>
    public const double Left = 28, Right = 184, Top = 37, Bottom = 262;
    /// <summary>One 3号 body character (15.75 pt) and one 4号 版记 character (14 pt), in mm.</summary>
    public const double BodyCharacter = 15.75 * PointsToMm, SmallCharacter = 14 * PointsToMm;

    public sealed record Line(string Text, double X0, double Y0, double X1, double Y1)
    {
        public double Height => Y1 - Y0;
    }

    public string Path { get; }
    public IReadOnlyList<IReadOnlyList<Line>> Pages { get; }

    private PrintedDocument(string path, IReadOnlyList<IReadOnlyList<Line>> pages) => (Path, Pages) = (path, pages);

    public static PrintedDocument Read(string pdf)
    {
        var html = Run("pdftotext", "-bbox-layout", pdf, "-");
        var pages = html.Split("<page ").Skip(1).Select(page => (IReadOnlyList<Line>)LineBox().Matches(page).Select(m => new Line(
                string.Concat(Regex.Matches(m.Groups["words"].Value, ">([^<]+)</word>").Select(w => w.Groups[1].Value)),
                Mm(m.Groups["x0"].Value), Mm(m.Groups["y0"].Value), Mm(m.Groups["x1"].Value), Mm(m.Groups["y1"].Value)))
            .ToList()).ToList();
        return new PrintedDocument(pdf, pages);
    }

    /// <summary>The page's "— N —" number, or null.</summary>
    public static Line? PageNumber(IReadOnlyList<Line> page) => page.FirstOrDefault(l => PageNumberText().IsMatch(l.Text.Replace(" ", "")));

    /// <summary>The faces pdffonts lists, without the subset prefix.</summary>
    public IReadOnlyList<string> Fonts() => Run("pdffonts", Path).Split('\n').Skip(2).Where(l => l.Trim().Length > 0)
        .Select(l => l.Split(' ')[0].Split('+')[^1]).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Horizontal rules on a page (pdftoppm at 300 dpi, grey): each run of rows holding a dark segment longer than
    /// 100 mm, with its left and right ends and its ink thickness (darkness summed over the rows), all in mm.
    /// </summary>
    public IReadOnlyList<(double Y, double X0, double X1, double Thickness)> Rules(int page)
    {
        const double dpi = 300, mmPerPixel = 25.4 / dpi;
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture),
                     "-r", "300", "-gray", Path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var image = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(image);
        process.WaitForExit();
        var bytes = image.ToArray();
        var header = Regex.Match(System.Text.Encoding.ASCII.GetString(bytes, 0, 40), @"^P5\s+(\d+)\s+(\d+)\s+(\d+)\s");
        int width = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture), height = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
        var offset = header.Length;
        var rows = new List<(int Y, int X0, int X1, double Ink)>();
        for (var y = 0; y < height; y++)
        {
            int x0 = -1, x1 = -1, best0 = -1, best1 = -1;
            double ink = 0;
            for (var x = 0; x < width; x++)
            {
                var dark = bytes[offset + y * width + x] < 160;
                if (dark) { if (x0 < 0) x0 = x; x1 = x; }
                if (!dark || x == width - 1)
                {
                    if (x0 >= 0 && x1 - x0 > best1 - best0) (best0, best1) = (x0, x1);
                    x0 = -1;
                }
            }
            if ((best1 - best0) * mmPerPixel < 100) continue;
            for (var x = best0 + (best1 - best0) / 4; x < best0 + 3 * (best1 - best0) / 4; x++) ink += (255 - bytes[offset + y * width + x]) / 255.0;
            rows.Add((y, best0, best1, ink / ((best1 - best0) / 2)));
        }
        var rules = new List<(double, double, double, double)>();
        foreach (var group in rows.GroupBy(r => r.Y - rows.IndexOf(r)))
        {
            var g = group.ToList();
            // Include the faint anti-aliased rows above and below the dark ones.
            var thickness = g.Sum(r => r.Ink) + Faint(bytes, offset, width, g[0].Y - 1, g[0].X0, g[0].X1) + Faint(bytes, offset, width, g[^1].Y + 1, g[0].X0, g[0].X1);
            rules.Add((g.Average(r => r.Y) * mmPerPixel, g.Min(r => r.X0) * mmPerPixel, (g.Max(r => r.X1) + 1) * mmPerPixel, thickness * mmPerPixel));
        }
        return rules;
    }

    private static double Faint(byte[] bytes, int offset, int width, int y, int x0, int x1)
    {
        double ink = 0;
        for (var x = x0 + (x1 - x0) / 4; x < x0 + 3 * (x1 - x0) / 4; x++) ink += (255 - bytes[offset + y * width + x]) / 255.0;
        return ink / ((x1 - x0) / 2);
    }

    private static double Mm(string points) => double.Parse(points, CultureInfo.InvariantCulture) * PointsToMm;

    public static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"<line xMin=""(?<x0>[\d.]+)"" yMin=""(?<y0>[\d.]+)"" xMax=""(?<x1>[\d.]+)"" yMax=""(?<y1>[\d.]+)"">(?<words>.*?)</line>", RegexOptions.Singleline)]
    private static partial Regex LineBox();

    [GeneratedRegex(@"^[—－-]\d+[—－-]$")]
    private static partial Regex PageNumberText();
}
