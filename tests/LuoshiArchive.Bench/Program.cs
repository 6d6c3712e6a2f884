// LuoshiArchive benchmark: ingest throughput against bare indexing, and search latency, on a synthetic corpus.
//   dotnet run -c Release --project tests/LuoshiArchive.Bench -- [--docs 10000] [--ingest 200] [--seed 2018] [--json]
//     [--formats txt,docx,pdf] [--bundle 50,300] [--bundle-volume 50,5000 --volume-files 100] [--volume-only]
//     [--search-only --index DIR [--query TEXT]]   search latency only, on an index kept in DIR between runs (built once
//                                                  per seed and size); --query measures that query alone
//     [--web-only --web-docs 2000 --web-clients 8 --web-seconds 10]   web cold start, and pages under load
//     [--web-store DIR]   with --web-only on LiteDB: the store is kept in DIR and reused by later runs of the same size
//     [--no-publish]      with --web-only: start-up of the build output only (by default also of `dotnet publish`'s
//                         ReadyToRun apps, published into the work folder first, ~1–4 minutes)
//     [--large PERCENT]   that share of the documents (every n-th) holds 1–10 MB of text
//     [--web-memory --web-docs 2000 --web-clients 16 --web-seconds 20 --uploads 3 --upload-mb 25]   the web process's
//                         working set while the clients search and the uploads (text files, at once) go through the API
//     [--database CONN]   end-to-end ingest and the web pages on LiteDB and on PostgreSQL side by side (CONN: a server
//                         whose user may create databases; each measure gets a new database, dropped at the end)
//   dotnet run -c Release --project tests/LuoshiArchive.Bench -- --micro   BenchmarkDotNet: per-document steps (MicroBench)
using System.Diagnostics;
using System.Text.Json;
using LuoshiArchive.Bench;

if (args.Contains("--micro"))
{
    MicroBench.Run(args.Where(a => a != "--micro").ToArray());
    return;
}
var options = BenchOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("luoshi-bench-").FullName;
var engines = BenchEngine.For(options.Database);
try
{
    var report = new BenchReport(Environment.MachineName, Environment.ProcessorCount, DateTime.UtcNow,
        string.Join(' ', args.Select(a => a.Contains("Host=") ? "CONN" : a)));
    var corpus = new SyntheticCorpus(options.Seed, options.LargePercent)
        .Generate(options.VolumeOnly || options.WebOnly || options.WebMemory ? 0 : options.Documents).ToList();
    Console.Error.WriteLine($"corpus: {corpus.Count} documents, {corpus.Sum(d => d.Text.Length) / 1000} k characters");

    if (options.WebMemory)
    {
        var documents = new SyntheticCorpus(options.Seed, options.LargePercent).Generate(options.WebDocuments).ToList();
        var engine = engines[0];
        var memory = await WebMemoryBench.Run(documents, Path.Combine(work, "memory-store"), options.WebClients,
            options.WebSeconds, options.Uploads, options.UploadMegabytes, engine);
        Console.WriteLine(JsonSerializer.Serialize(memory, new JsonSerializerOptions { WriteIndented = true }));
        return;
    }
    if (options.WebOnly)
    {
        var documents = new SyntheticCorpus(options.Seed).Generate(options.WebDocuments).ToList();
        var published = options.NoPublish ? null : PublishedApps.Publish(work);
        foreach (var engine in engines)
        {
            var store = options.WebStore is { } kept && engine.Name == "LiteDB"
                ? kept : Path.Combine(work, "web-store-" + engine.Name);
            report.Web.Add(await WebBench.Run(documents, store, options.WebClients, options.WebSeconds, engine,
                published));
        }
    }
    else if (options.SearchOnly)
    {
        var kept = options.IndexPath ?? Path.Combine(work, "index");
        var marker = Path.Combine(kept, "bench-corpus.txt");
        var wanted = $"seed {options.Seed}, {options.Documents} documents, {options.LargePercent} % large";
        if (!File.Exists(marker) || File.ReadAllText(marker) != wanted)
        {
            if (Directory.Exists(kept)) Directory.Delete(kept, recursive: true);
            report.Bare = IngestBench.BareIndexing(corpus, kept);
            File.WriteAllText(marker, wanted);
            Console.Error.WriteLine($"bare indexing: {report.Bare}");
        }
        report.SearchDocuments = corpus.Count;
        report.Search = SearchBench.Run(kept, corpus, options.Query);
        foreach (var s in report.Search) Console.Error.WriteLine($"search {s}");
    }
    else if (!options.VolumeOnly)
    {
    var indexPath = Path.Combine(work, "index");
    report.Bare = IngestBench.BareIndexing(corpus, indexPath);
    Console.Error.WriteLine($"bare indexing: {report.Bare}");
    report.SearchDocuments = corpus.Count;
    report.Search = SearchBench.Run(indexPath, corpus);
    foreach (var s in report.Search) Console.Error.WriteLine($"search {s}");

    var sample = corpus.Take(options.Ingest).ToList();
    if (options.Ingest > 0)
    {
    IngestBench.SettleJit();
    report.BareSample = IngestBench.BareIndexing(sample, Path.Combine(work, "sample-index"));
    // Bare indexing is measured warm (after the whole corpus); so is ingest: three untimed rounds of ingest of each
    // format and engine first (tiered compilation promotes methods only once a burst of new ones has settled: after
    // one round, the timed run still recompiled ~2,000 methods, 4 s of JIT on a loaded machine). What a fresh process
    // pays on top (JIT, the workers' start) is measured by a `luoshi ingest` run in docs/performance.md ("Ingest").
    for (var round = 1; round <= IngestBench.WarmUpRounds; round++)
    foreach (var format in options.Formats)
    foreach (var engine in engines)
        await IngestBench.EndToEnd(sample.Take(IngestBench.WarmUpFiles).ToList(), format,
            Path.Combine(work, $"warm-up-{round}-{format}-{engine.Name}"), engine);
    foreach (var format in options.Formats)
    foreach (var engine in engines)
    {
        var store = Path.Combine(work, $"store-{format}-{engine.Name}");
        var result = await IngestBench.EndToEnd(sample, format, store, engine);
        report.EndToEnd.Add(result);
        var ratio = result.DocsPerSecond / report.BareSample.DocsPerSecond;
        Console.Error.WriteLine($"end-to-end {result} (ratio to bare {ratio:0.000})");
    }
    }
    foreach (var size in options.BundleSizes)
    {
        var result = await BundleBench.Run(size, Path.Combine(work, $"bundle-{size}"));
        report.Bundle.Add(result);
        Console.Error.WriteLine($"bundle {result}");
    }
    }
    foreach (var megabytes in options.BundleVolumes)
    {
        var result = BundleBench.RunVolume(megabytes, options.VolumeFiles, Path.Combine(work, $"volume-{megabytes}"));
        report.Bundle.Add(result);
        Console.Error.WriteLine($"bundle volume {result}");
        Directory.Delete(Path.Combine(work, $"volume-{megabytes}"), recursive: true);
    }
    Console.WriteLine(options.Json
        ? JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true })
        : report.ToMarkdown());
}
finally
{
    foreach (var engine in engines) engine.Dispose();
    Directory.Delete(work, recursive: true);
}

internal sealed record BenchOptions(int Documents, int Ingest, int Seed, bool Json, int[] BundleSizes,
    int[] BundleVolumes, int VolumeFiles, bool VolumeOnly, string[] Formats, bool SearchOnly, string? IndexPath,
    string? Query, bool WebOnly, int WebDocuments, int WebClients, double WebSeconds, string? Database,
    int LargePercent, bool WebMemory, int Uploads, int UploadMegabytes, string? WebStore, bool NoPublish)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(int.Parse(Value("--docs") ?? "10000"), int.Parse(Value("--ingest") ?? "200"),
            int.Parse(Value("--seed") ?? "2018"), args.Contains("--json"),
            (Value("--bundle") ?? "50,300").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray(),
            // --bundle-volume 50,5000: export peak memory at these many megabytes of evidence, in --volume-files files.
            (Value("--bundle-volume") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray(),
            int.Parse(Value("--volume-files") ?? "100"), args.Contains("--volume-only"),
            (Value("--formats") ?? "txt,docx,pdf").Split(',', StringSplitOptions.RemoveEmptyEntries),
            args.Contains("--search-only"), Value("--index") is { } index ? Path.GetFullPath(index) : null,
            Value("--query"), args.Contains("--web-only"), int.Parse(Value("--web-docs") ?? "2000"),
            int.Parse(Value("--web-clients") ?? "8"),
            double.Parse(Value("--web-seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
            Value("--database"), int.Parse(Value("--large") ?? "0"), args.Contains("--web-memory"),
            int.Parse(Value("--uploads") ?? "3"), int.Parse(Value("--upload-mb") ?? "25"),
            Value("--web-store") is { } webStore ? Path.GetFullPath(webStore) : null, args.Contains("--no-publish"));
    }
}

internal static class Timing
{
    public static double Seconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }
}
