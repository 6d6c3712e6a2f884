using System.Globalization;
using System.Text;

namespace LuoshiArchive.Bench;

/// <param name="CpuSeconds">This process's CPU time (user and system, all threads) while timed.</param>
/// <param name="WorkerCpuSeconds">The extractor workers' CPU time (child processes, counted once they ended).</param>
public sealed record Throughput(string What, int Documents, double Seconds, double TextMegabytes,
    double CpuSeconds = 0, double WorkerCpuSeconds = 0)
{
    public double DocsPerSecond => Documents / Seconds;
    public double MegabytesPerSecond => TextMegabytes / Seconds;
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{What}: {Documents} docs in {Seconds:0.00} s = {DocsPerSecond:0.0} docs/s, {MegabytesPerSecond:0.00} MB/s of " +
        $"text; CPU {CpuSeconds:0.00} s, workers {WorkerCpuSeconds:0.00} s");
}

/// <param name="CpuMs">The process's CPU time per timed run, all threads: on a shared machine it moves less than
/// the wall-clock percentiles with the other work.</param>
public sealed record Latency(string Query, int Runs, double P50, double P95, double P99, int Hits, double CpuMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Query}: p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, CPU {CpuMs:0.0} ms a query ({Hits} hits)");
}

public sealed class BenchReport(string machine, int cores, DateTime date, string arguments)
{
    public string Machine { get; } = machine;
    public int Cores { get; } = cores;
    public DateTime Date { get; } = date;
    public string Arguments { get; } = arguments;
    public Throughput? Bare { get; set; }
    public Throughput? BareSample { get; set; }
    public List<Throughput> EndToEnd { get; } = [];

    /// <summary>
    /// Each end-to-end ingest's docs/s over bare SmartCn + Lucene indexing of the same sample in the same run, keyed
    /// "txt", "docx", … on the embedded store and "txt (PostgreSQL)" … on the other engine (a check reads them).
    /// </summary>
    public Dictionary<string, double> IngestRatios => BareSample is null
        ? []
        : EndToEnd.ToDictionary(
            t => t.What.Replace("end-to-end ", "", StringComparison.Ordinal).Replace(" (LiteDB)", "", StringComparison.Ordinal),
            t => Math.Round(t.DocsPerSecond / BareSample.DocsPerSecond, 3));
    public int SearchDocuments { get; set; }
    public List<Latency> Search { get; set; } = [];
    public List<BundleBench.Result> Bundle { get; } = [];
    public List<WebBench.Result> Web { get; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"Machine: {Machine}, {Cores} cores; {Date:yyyy-MM-dd HH:mm} UTC; arguments: `{Arguments}`").AppendLine();
        var ingest = new[] { Bare, BareSample }.OfType<Throughput>().Concat(EndToEnd).ToList();
        if (ingest.Count > 0) md.AppendLine("| ingest | docs | s | docs/s | MB/s text | ratio to bare | CPU s | workers' CPU s |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var t in ingest)
            md.AppendLine(c, $"| {t.What} | {t.Documents} | {t.Seconds:0.00} | {t.DocsPerSecond:0.0} | {t.MegabytesPerSecond:0.00} | {(t.What.StartsWith("bare", StringComparison.Ordinal) || BareSample is null ? "1" : (t.DocsPerSecond / BareSample.DocsPerSecond).ToString("0.000", c))} | " +
                $"{t.CpuSeconds:0.00} | {t.WorkerCpuSeconds:0.00} |");
        var searchHeader = $"| search ({SearchDocuments} docs, warm) | runs | p50 ms | p95 ms | p99 ms | hits "
            + "| CPU ms |";
        if (Search.Count > 0) md.AppendLine().AppendLine(searchHeader).AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in Search)
            md.AppendLine(c, $"| {s.Query} | {s.Runs} | {s.P50:0.0} | {s.P95:0.0} | {s.P99:0.0} | {s.Hits} | "
                + $"{s.CpuMs:0.0} |");
        if (Bundle.Count > 0)
            md.AppendLine().AppendLine("| bundle export | files | MB | bundle s | plain zip s | ratio (plain/bundle) | " +
                "peak working set above start, MB | CPU s bundle / plain (kernel) | " +
                "records without BLAKE3: bundle s | ratio |")
                .AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var b in Bundle)
            md.AppendLine(c, $"| annual bundle | {b.Files} | {b.Megabytes:0.0} | {b.BundleSeconds:0.00} | {b.PlainZipSeconds:0.00} | " +
                $"{b.Ratio:0.00} | {b.PeakMegabytes:0.0} | " +
                $"{b.BundleCpuSeconds:0.00} ({b.BundleKernelCpuSeconds:0.00}) / " +
                $"{b.PlainZipCpuSeconds:0.00} ({b.PlainZipKernelCpuSeconds:0.00}) | " +
                $"{b.OldRecordsSeconds:0.00} | {b.OldRecordsRatio:0.00} |");
        foreach (var web in Web)
        {
            string Runs(IEnumerable<double> runs) => string.Join(", ", runs.Select(s => s.ToString("0.00 s", c)));
            string Both(IEnumerable<double> built, IEnumerable<double> published) => "build output " + Runs(built)
                + (published.Any() ? "; published (ReadyToRun) " + Runs(published) : "");
            var starts = Both(web.ColdStarts.Select(s => s.Seconds), web.PublishedColdStarts.Select(s => s.Seconds));
            var searches = Both(web.CliSearches, web.PublishedCliSearches);
            var engine = $"Web on {web.Engine}, {web.Documents} documents";
            md.AppendLine().AppendLine(c, $"{engine}, cold start (launch to the sign-in page served): {starts}");
            md.AppendLine().AppendLine(c, $"`luoshi search 落实 --json` on the unchanged store ({web.Engine}): {searches}");
        }
        if (Web.Count > 0)
            md.AppendLine().AppendLine("| engine | page under load | clients | requests | requests/s | p50 ms | p95 ms | p99 ms | failures |")
                .AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var web in Web)
        foreach (var p in web.Pages)
            md.AppendLine(c, $"| {web.Engine} | {p.Page} | {p.Clients} | {p.Requests} | {p.RequestsPerSecond:0.0} | " +
                $"{p.P50:0.0} | {p.P95:0.0} | {p.P99:0.0} | {p.Failures} |");
        return md.ToString();
    }
}
