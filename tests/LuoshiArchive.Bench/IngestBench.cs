using LuoshiArchive.Core.Accounts;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Bench;

/// <summary>Ingest: bare SmartCn + bigram indexing of the texts, and the whole pipeline from files, both on two threads.</summary>
public static class IngestBench
{
    public static Throughput BareIndexing(IReadOnlyList<SyntheticCorpus.Document> docs, string indexPath)
    {
        using var index = new EvidenceIndex(indexPath);
        var cpu = ProcessCpu.Own();
        var seconds = Timing.Seconds(() =>
        {
            Parallel.ForEach(docs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, d => index.Upsert(new IndexedEvidence(
                d.Id, d.Title, d.Number, d.Date, "Policy", [$"{d.Date.Year}-{d.Id % 30 + 1:000}"], [d.Date.Year], ["Comprehensive"],
                [d.Id % 2 == 0 ? "办公室" : "基础教育处"], "天津市教育委员会", d.Text)));
            index.Commit();
        });
        return new Throughput($"bare indexing", docs.Count, seconds, Megabytes(docs), ProcessCpu.Own() - cpu);
    }

    /// <summary>
    /// Files <paramref name="docs"/> written as <paramref name="format"/> into a folder, then through the path
    /// <c>luoshi ingest FOLDER --task CODE</c> takes (<see cref="FolderIntake"/>: batches, two in flight), timed from
    /// the first file staged to the last batch confirmed and indexed.
    /// </summary>
    public static async Task<Throughput> EndToEnd(
        IReadOnlyList<SyntheticCorpus.Document> docs, string format, string storagePath, BenchEngine engine)
    {
        var inbox = Path.Combine(storagePath, "inbox");
        Directory.CreateDirectory(inbox);
        var files = docs.Select(d => Write(d, format, inbox)).ToList();
        SettleJit(); // writing the files (OpenXml for DOCX) left methods to recompile: not the ingest's cost
        var failed = 0;
        double seconds, cpu;
        var workers = ProcessCpu.EndedChildren();
        await using (var services = engine.Services(engine.NewStore(storagePath)))
        {
            var tasks = services.GetRequiredService<TaskRegistry>();
            var actor = Actor.Console("bench");
            var code = tasks.Create(new TaskDraft { Year = 2018, Name = "任务" }, actor).Code;
            var intake = services.GetRequiredService<FolderIntake>();
            cpu = ProcessCpu.Own();
            var (jitCount, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(),
                System.Runtime.JitInfo.GetCompilationTime());
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await intake.RunAsync(files, [code], null, actor, batch => failed += batch.Intake.Failed);
            seconds = watch.Elapsed.TotalSeconds;
            cpu = ProcessCpu.Own() - cpu;
            Console.Error.WriteLine($"JIT during {format} x{docs.Count}: " +
                $"{System.Runtime.JitInfo.GetCompiledMethodCount() - jitCount} methods, " +
                $"{(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds:0.00} s");
        }
        // The workers end with the services (each waited for); their CPU time, all spent on this run, counts then.
        workers = ProcessCpu.EndedChildren() - workers;
        if (failed > 0) throw new InvalidOperationException($"{failed} files of the bench were refused");
        var megabytes = format == "pdf" ? docs.Count * PdfTextMegabytes : Megabytes(docs);
        return new Throughput($"end-to-end {format} ({engine.Name})", docs.Count, seconds, megabytes, cpu, workers);
    }

    /// <summary>Files of the untimed ingest before each format's timed one: more than a batch, more than 30 calls.</summary>
    public const int WarmUpFiles = 60;

    /// <summary>Untimed rounds of <see cref="WarmUpFiles"/> files of each format before the timed ingests.</summary>
    public const int WarmUpRounds = 3;

    /// <summary>
    /// Waits until the JIT has compiled nothing new for 0.6 s (at most 15 s): tiered compilation recompiles hot
    /// methods on a background thread, and work left from the untimed steps before must not run inside a timed one.
    /// </summary>
    public static void SettleJit()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (last, quiet) = (System.Runtime.JitInfo.GetCompiledMethodCount(), 0);
        while (quiet < 3 && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            Thread.Sleep(200);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            (quiet, last) = (now == last ? quiet + 1 : 0, now);
        }
    }

    private static readonly double PdfTextMegabytes =
        Encoding.UTF8.GetByteCount(new TextExtractor(new ExtractionLimits(), ConverterPaths.None)
            .Extract(Path.Combine(AppContext.BaseDirectory, "notice.pdf"), "notice.pdf").Text) / 1e6;

    private static double Megabytes(IEnumerable<SyntheticCorpus.Document> docs) => docs.Sum(d => Encoding.UTF8.GetByteCount(d.Text)) / 1e6;

    private static string Write(SyntheticCorpus.Document doc, string format, string folder)
    {
        var path = Path.Combine(folder, $"{doc.Id:00000}.{format}");
        switch (format)
        {
            case "txt":
                File.WriteAllText(path, doc.Text);
                break;
            case "docx":
                using (var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
                {
                    document.AddMainDocumentPart().Document = new Document(new Body(doc.Text.Split('\n')
                        .Select(line => new Paragraph(new Run(new Text(line))))));
                }
                break;
            default:
                // PdfPig cannot write CJK; the seed notice's PDF with a unique trailer gives distinct files of the same text.
                var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "notice.pdf"));
                File.WriteAllBytes(path, [.. bytes, .. Encoding.ASCII.GetBytes($"\n%bench {doc.Id}\n")]);
                break;
        }
        return path;
    }
}

/// <summary>CPU time of this process, and of its child processes that have ended (Linux: /proc/self/stat).</summary>
internal static class ProcessCpu
{
    public static double Own() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public static double EndedChildren()
    {
        if (!File.Exists("/proc/self/stat")) return 0;
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 16 and 17 of stat (cutime, cstime), counted from the state (field 3) here, in clock ticks.
        return (long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }
}
