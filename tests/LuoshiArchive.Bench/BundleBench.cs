using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Meetings;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Bench;

/// <summary>Annual bundle export against a plain ZIP of the same files, and its peak memory at two store sizes.</summary>
public static class BundleBench
{
    /// <param name="BundleCpuSeconds">The process's CPU time (all threads, user and system) during the export.</param>
    /// <param name="PlainZipCpuSeconds">The same for the plain ZIP: with both cores busy, the ratio follows these.</param>
    /// <param name="BundleKernelCpuSeconds">The part of the export's CPU time spent in the kernel.</param>
    /// <param name="PlainZipKernelCpuSeconds">The same for the plain ZIP (almost all of its time: copies).</param>
    /// <param name="OldRecordsSeconds">
    /// The same export once more after the records' BLAKE3 was removed (records stored before intake kept it, SHA-512
    /// kept): the fallback that checks each original against SHA-256.
    /// </param>
    public sealed record Result(int Files, double Megabytes, double BundleSeconds, double PlainZipSeconds, double PeakMegabytes,
        double BundleCpuSeconds, double PlainZipCpuSeconds, double OldRecordsSeconds, double BundleKernelCpuSeconds,
        double PlainZipKernelCpuSeconds)
    {
        public double Ratio => PlainZipSeconds / BundleSeconds;
        public double OldRecordsRatio => PlainZipSeconds / OldRecordsSeconds;
    }

    public static async Task<Result> Run(int files, string storagePath)
    {
        var store = LiteDbStore.Open(storagePath, "bench");
        var clock = TimeProvider.System;
        var audit = Unkeyed(store);
        var directory = new OrganisationDirectory(store, audit);
        var tasks = new TaskRegistry(store, directory, clock, audit);
        var codes = Enumerable.Range(0, 20).Select(i => tasks.Create(new TaskDraft { Year = 2018, Name = $"任务{i}" }, Actor.Console("bench")).Code).ToList();
        var blobs = new BlobStore(storagePath);
        var options = new LuoshiOptions { StoragePath = storagePath };
        using var index = new EvidenceIndex(Path.Combine(storagePath, "index"));
        using var extractor = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
        var dossiers = new DossierService(store, blobs, index, extractor, tasks, new EvidenceIndexing(store, blobs, index, directory), clock, options,
            new ReadAccess(options, tasks), audit);
        var pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "notice.pdf"));
        await Parallel.ForEachAsync(Enumerable.Range(0, files), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, ct) =>
            await dossiers.AddAsync(new MemoryStream([.. pdf, .. Encoding.ASCII.GetBytes($"\n%bundle {i}\n")]), $"{i:00000}.pdf", [codes[i % codes.Count]], null, Actor.Console("bench"), ct));

        var result = ExportAgainstPlainZip(store, directory, tasks, dossiers, options, files);
        store.Dispose();
        return result;
    }

    /// <summary>
    /// Export of a year holding <paramref name="totalMegabytes"/> in <paramref name="files"/> files (incompressible bytes),
    /// to compare peak memory across volumes (50 MB against 5 GB). The files are put in the store directly, without text
    /// extraction, which the export does not read: only the measure of export differs from a real year.
    /// </summary>
    public static Result RunVolume(int totalMegabytes, int files, string storagePath)
    {
        var store = LiteDbStore.Open(storagePath, "bench");
        var clock = TimeProvider.System;
        var audit = Unkeyed(store);
        var directory = new OrganisationDirectory(store, audit);
        var tasks = new TaskRegistry(store, directory, clock, audit);
        var taskIds = Enumerable.Range(0, 20).Select(i => tasks.Create(new TaskDraft { Year = 2018, Name = $"任务{i}" }, Actor.Console("bench")).Id).ToList();
        var blobs = new BlobStore(storagePath);
        var options = new LuoshiOptions { StoragePath = storagePath };
        var perFile = (long)totalMegabytes * 1_000_000 / files;
        var random = new Random(2018);
        var chunk = new byte[1 << 20];
        var scratch = Path.Combine(storagePath, "scratch.bin");
        for (var i = 0; i < files; i++)
        {
            using (var output = File.Create(scratch))
            {
                for (var left = perFile; left > 0; left -= chunk.Length)
                {
                    random.NextBytes(chunk);
                    output.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                }
            }
            using var input = File.OpenRead(scratch);
            using var staged = blobs.Stage(input, long.MaxValue);
            blobs.Commit(staged, "");
            store.Evidence.Insert(new Evidence
            {
                Sha256 = staged.Sha256, Sha512 = staged.Sha512, Blake3 = staged.Blake3, Length = staged.Length,
                OriginalFileName = $"{i:00000}.bin", Format = "Pdf", Title = $"材料{i}",
                AddedAt = DateTime.UtcNow, AddedBy = "bench", NoTextRead = true,
                Links = [new EvidenceLink { TaskId = taskIds[i % taskIds.Count], LinkedAt = DateTime.UtcNow, LinkedBy = "bench" }],
            });
        }
        File.Delete(scratch);
        using var index = new EvidenceIndex(Path.Combine(storagePath, "index"));
        using var extractor = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
        var dossiers = new DossierService(store, blobs, index, extractor, tasks, new EvidenceIndexing(store, blobs, index, directory), clock, options,
            new ReadAccess(options, tasks), audit);
        var result = ExportAgainstPlainZip(store, directory, tasks, dossiers, options, files);
        store.Dispose();
        return result;
    }

    /// <summary>A trail without a key (plain SHA-256): enough for the measures, no key file beside the folder.</summary>
    private static LuoshiArchive.Core.Audit.AuditLog Unkeyed(LiteDbStore store) =>
        new(store, TimeProvider.System, LuoshiArchive.Core.Audit.AuditKey.Missing(""));

    /// <summary>
    /// The year 2018 exported, then the same blob files zipped plainly, then the year exported again from records
    /// without BLAKE3; every output deleted afterwards.
    /// </summary>
    private static Result ExportAgainstPlainZip(LiteDbStore store, OrganisationDirectory directory, TaskRegistry tasks,
        DossierService dossiers, LuoshiOptions options, int files)
    {
        var clock = TimeProvider.System;
        var bundle = new AnnualBundle(tasks, directory, dossiers, new OneTableService(store, directory, tasks, new ReadAccess(options, tasks)),
            new MeetingRegister(store, tasks, dossiers, clock, options, new ReadAccess(options, tasks), Unkeyed(store)),
            options, clock, Unkeyed(store), new BundleRecords(store, directory));
        var output = Path.Combine(options.StoragePath, "bundle.zip");
        var blobFiles = Directory.GetFiles(Path.Combine(options.StoragePath, "blobs"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).ToList();
        var plain = Path.Combine(options.StoragePath, "plain.zip");
        // Untimed, first: on this VM writing into page-cache pages not used since boot cost more kernel time than
        // writing into pages used before (dd of 3 GB: 1.29 s of system time, then 0.51 s). The export, measured first,
        // could pay that for the plain ZIP, which then wrote into the pages of the deleted bundle; now both sides
        // write into pages this ZIP leaves (in the runs of 2026-11-30 it changed the plain ZIP's CPU time by nothing
        // measurable).
        PlainZip(blobFiles, plain);
        File.Delete(plain);
        GC.Collect();
        var (bundleSeconds, peak, bundleCpu, bundleKernel) = Measure(() => bundle.Export(2018, output));
        File.Delete(output);
        var (plainSeconds, _, plainCpu, plainKernel) = PlainZip(blobFiles, plain);
        File.Delete(plain);
        foreach (var evidence in store.Evidence.FindAll().ToList())
        {
            evidence.Blake3 = null;
            store.Evidence.Update(evidence);
        }
        var oldRecordsSeconds = Measure(() => bundle.Export(2018, output)).Seconds;
        File.Delete(output);
        return new Result(files, blobFiles.Sum(f => new FileInfo(f).Length) / 1e6, bundleSeconds, plainSeconds, peak / 1e6,
            bundleCpu, plainCpu, oldRecordsSeconds, bundleKernel, plainKernel);
    }

    /// <summary>
    /// The yardstick: the same files copied into a ZIP with no processing but the ZIP's own CRC-32, and made durable
    /// (fsync) as the export makes its bundle durable before naming it.
    /// </summary>
    private static (double Seconds, long PeakBytes, double CpuSeconds, double KernelSeconds) PlainZip(
        IReadOnlyList<string> files, string path) => Measure(() =>
    {
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in files) zip.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.NoCompression);
        output.Flush(flushToDisk: true);
    });

    /// <summary>
    /// Wall time, the highest working set above the starting one (sampled every 5 ms) and the process's CPU time, all
    /// and in the kernel (the sampler's share is small). Dirty pages left by what ran
    /// before (the store just written) are flushed first, so neither side pays for the other's writes.
    /// </summary>
    private static (double Seconds, long PeakBytes, double CpuSeconds, double KernelSeconds) Measure(Action action)
    {
        using (var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })) sync?.WaitForExit();
        var baseline = Environment.WorkingSet;
        long peak = 0;
        var stop = false;
        // A thread of its own that sleeps: a pool thread woken every 5 ms spun between wake-ups (perf: 18 % of the
        // process's samples during an export), taking the second core from the export's digest.
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                peak = Math.Max(peak, Environment.WorkingSet - baseline);
                Thread.Sleep(5);
            }
        }) { IsBackground = true };
        sampler.Start();
        using var self = Process.GetCurrentProcess();
        var (cpu, kernel) = (self.TotalProcessorTime, self.PrivilegedProcessorTime);
        var watch = Stopwatch.StartNew();
        action();
        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        var kernelSeconds = (self.PrivilegedProcessorTime - kernel).TotalSeconds;
        Volatile.Write(ref stop, true);
        sampler.Join();
        return (seconds, peak, cpuSeconds, kernelSeconds);
    }
}
