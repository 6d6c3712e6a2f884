using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Dossiers;

/// <summary>
/// Many files into the dossiers, in batches (<see cref="DossierService.AddBatchAsync"/>): what <c>luoshi ingest</c>
/// does with a folder, and what the bench measures. Batches of at most <see cref="BatchFiles"/> files and
/// <see cref="BatchBytes"/> bytes, in the order given, are worked on <see cref="ExtractionLimits.MaxConcurrent"/> at a
/// time (while one is indexed, the next is read), each reported once it is confirmed.
/// </summary>
public sealed class FolderIntake(DossierService dossiers, IsolatedTextExtractor extractor, ExtractionLimits limits)
{
    /// <summary>Files in one batch at most: one transaction and one pass of fsyncs for all of them.</summary>
    public const int BatchFiles = 50;

    /// <summary>Bytes of originals in one batch at most (a larger file is a batch of its own).</summary>
    public const long BatchBytes = 16L * 1024 * 1024;

    /// <summary>
    /// One confirmed batch: its number (from 1), where its files start in the list (from 0), and the outcome.
    /// </summary>
    public sealed record Batch(int Number, int First, IReadOnlyList<string> Paths, BatchIntake Intake);

    /// <summary>
    /// Adds <paramref name="paths"/> to the dossiers of <paramref name="taskCodes"/>; <paramref name="confirmed"/> is
    /// called once per batch, one call at a time, when its files are stored. An unknown task, or one the actor may not
    /// file into, is refused before any file is read (DomainRuleException); a refusal of a whole batch later (a full
    /// queue) becomes each of its files' error.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<string> paths, IReadOnlyList<string> taskCodes, EvidenceDetails? details,
        Actor actor, Action<Batch> confirmed, CancellationToken cancellationToken = default)
    {
        dossiers.CheckCanFile(taskCodes, actor);
        var batches = Split(paths);
        var lanes = Math.Max(1, Math.Min(limits.MaxConcurrent, batches.Count));
        if (paths.Any(IsolatedTextExtractor.MayNeedWorker)) extractor.Prestart(lanes);
        var next = -1;
        var report = new Lock();
        async Task Lane()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var (first, batch) = batches[i];
                var files = batch.Select(p => new IntakeFile(Path.GetFileName(p), () => File.OpenRead(p))).ToList();
                BatchIntake intake;
                try
                {
                    intake = await dossiers.AddBatchAsync(files, taskCodes, details, actor, cancellationToken);
                }
                catch (DomainRuleException e)
                {
                    intake = new BatchIntake(files.Select(f => new FileIntake(f.FileName, null, e)).ToList());
                }
                lock (report) confirmed(new Batch(i + 1, first, batch, intake));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => Task.Run(Lane, cancellationToken)));
    }

    /// <summary>Consecutive runs of the list, each within the batch limits, with the index of its first file.</summary>
    public static List<(int First, IReadOnlyList<string> Paths)> Split(IReadOnlyList<string> paths)
    {
        var batches = new List<(int, IReadOnlyList<string>)>();
        var current = new List<string>();
        var (first, bytes) = (0, 0L);
        for (var i = 0; i < paths.Count; i++)
        {
            var size = File.Exists(paths[i]) ? new FileInfo(paths[i]).Length : 0;
            if (current.Count > 0 && (current.Count == BatchFiles || bytes + size > BatchBytes))
            {
                batches.Add((first, current));
                (current, first, bytes) = ([], i, 0);
            }
            current.Add(paths[i]);
            bytes += size;
        }
        if (current.Count > 0) batches.Add((first, current));
        return batches;
    }
}
