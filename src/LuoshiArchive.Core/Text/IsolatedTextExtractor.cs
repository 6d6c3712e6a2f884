using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Runs <see cref="TextExtractor"/> in child processes (<c>luoshi-extract</c>) with a time limit and a GC heap limit:
/// a malformed file can crash a parser with a stack overflow, which .NET cannot catch, and must not take the server
/// down with it. Workers are reused; one that times out or dies is killed and replaced, and its file gets a clear message.
/// </summary>
public sealed class IsolatedTextExtractor(ExtractionLimits limits, ConverterPaths converters) : IDisposable
{
    public const string ExtractorAssembly = "luoshi-extract.dll";
    private readonly ConcurrentBag<ExtractorWorker> _idle = [];
    private readonly SemaphoreSlim _turns = new(Math.Max(1, limits.MaxConcurrent));
    private int _workersStarted;

    /// <summary>How many worker processes this extractor has started (the tests count them).</summary>
    internal int WorkersStarted => Volatile.Read(ref _workersStarted);

    private ExtractorWorker StartWorker()
    {
        Interlocked.Increment(ref _workersStarted);
        return new ExtractorWorker(limits.MemoryLimitBytes);
    }

    /// <summary>
    /// Waits for one of the <see cref="ExtractionLimits.MaxConcurrent"/> turns (dispose to give it back); refuses with
    /// the reason when none frees up within <see cref="ExtractionLimits.QueueTimeout"/>.
    /// </summary>
    public async Task<IDisposable> TurnAsync(string originalFileName, CancellationToken cancellationToken = default)
    {
        if (!await _turns.WaitAsync(limits.QueueTimeout, cancellationToken))
            throw new ExtractionException(ExtractionProblem.Busy,
                $"服务器正在处理其他文件（同时最多处理 {limits.MaxConcurrent} 个），“{originalFileName}”等候超过 " +
                $"{limits.QueueTimeout.TotalSeconds:0} 秒，未保存。请稍后重新上传。");
        return new Turn(_turns);
    }

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Release();
        }
    }

    /// <summary>
    /// Starts workers until <paramref name="count"/> are idle, so that their start (~150 ms and more each) overlaps
    /// with the caller's staging instead of delaying the first batch.
    /// </summary>
    public void Prestart(int count)
    {
        for (var i = _idle.Count; i < count; i++) _idle.Add(StartWorker());
    }

    /// <summary>
    /// Whether reading the file at <paramref name="path"/> will probably start a worker: not when it is named as a
    /// plain text or Markdown file and small enough to be decoded here (<see cref="ReadHere"/>).
    /// </summary>
    public static bool MayNeedWorker(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is not (".txt" or ".text" or ".md" or ".markdown")
        || !File.Exists(path) || new FileInfo(path).Length > InProcessTextBytes;

    /// <summary>The file's text, read in a worker process; waits for a turn unless the caller holds one.</summary>
    public async Task<ExtractedText> ExtractAsync(string path, string originalFileName,
        CancellationToken cancellationToken = default, bool turnHeld = false)
    {
        using var turn = turnHeld ? null : await TurnAsync(originalFileName, cancellationToken);
        try
        {
            var outcome = (await ExtractBatchAsync([(path, originalFileName)], cancellationToken))[0];
            return outcome.Read?.ReadText() ?? throw outcome.Problem!;
        }
        finally
        {
            File.Delete(ExtractedFile.TextFileOf(path));
        }
    }

    /// <summary>
    /// Several files read by one worker in one request, one after the other (so the worker's memory limit holds for
    /// each); the caller holds a turn (<see cref="TurnAsync"/>). Each file's text waits in a file beside it
    /// (<see cref="ExtractedFile.TextFileOf"/>; the caller deletes it). A file that times out or kills its worker
    /// gets its own message, and the files after it go to a new worker. Small plain texts are decoded here instead
    /// (<see cref="ReadHere"/>): a batch of them starts no worker at all.
    /// </summary>
    public async Task<IReadOnlyList<ExtractionOutcome>> ExtractBatchAsync(
        IReadOnlyList<(string Path, string Name)> files, CancellationToken cancellationToken = default)
    {
        var outcomes = new ExtractionOutcome[files.Count];
        var toWorker = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            if (ReadHere(files[i].Path, files[i].Name) is { } here) outcomes[i] = here;
            else toWorker.Add(i);
        }
        var read = await ExtractInWorkersAsync(toWorker.Select(i => files[i]).ToList(), cancellationToken);
        for (var i = 0; i < toWorker.Count; i++) outcomes[toWorker[i]] = read[i];
        return outcomes;
    }

    /// <summary>Plain text files up to this size are decoded in the caller's process (<see cref="ReadHere"/>).</summary>
    public const long InProcessTextBytes = 1024 * 1024;

    /// <summary>
    /// A small plain-text or Markdown file needs no parser, only decoding (UTF-8, UTF-16 or GB18030): it is read here,
    /// with the same checks and messages as in a worker, and its text written where a worker would have written it.
    /// Null for every other file (another format, a larger text, a name or content the worker must judge).
    /// </summary>
    private ExtractionOutcome? ReadHere(string path, string name)
    {
        EvidenceFormat format;
        try
        {
            var length = new FileInfo(path).Length;
            if (length is 0 or > InProcessTextBytes || length > limits.MaxFileBytes) return null;
            format = FormatSniffer.Detect(path, name);
            if (format is not (EvidenceFormat.PlainText or EvidenceFormat.Markdown)) return null;
        }
        catch (ExtractionException)
        {
            return null;
        }
        try
        {
            var text = new TextExtractor(limits, converters).Read(path, name, format);
            var textFile = ExtractedFile.TextFileOf(path);
            File.WriteAllText(textFile, text.Text, new UTF8Encoding(false));
            return new(new ExtractedFile(textFile, text.Format, text.PageCount, text.NoTextRead, text.Note), null);
        }
        catch (ExtractionException e)
        {
            return new(null, e);
        }
    }

    private async Task<ExtractionOutcome[]> ExtractInWorkersAsync(
        IReadOnlyList<(string Path, string Name)> files, CancellationToken cancellationToken)
    {
        var outcomes = new ExtractionOutcome[files.Count];
        var next = 0;
        while (next < files.Count)
        {
            var worker = _idle.TryTake(out var reused) && !reused.HasExited
                ? reused : StartWorker();
            var healthy = true;
            try
            {
                await worker.SendAsync(files.Skip(next).Select(f => ExtractorArguments.For(f.Path, f.Name, limits,
                    converters, ExtractedFile.TextFileOf(f.Path)).ToArray()), cancellationToken);
            }
            catch (IOException)
            {
                // It died before reading the request: the first file is reported as what killed it, as below.
            }
            catch (OperationCanceledException)
            {
                worker.Dispose();
                throw;
            }
            while (healthy && next < files.Count)
            {
                var (path, name) = files[next];
                (outcomes[next++], healthy) = await ReplyAsync(worker, path, name, cancellationToken);
            }
            if (healthy) _idle.Add(worker);
        }
        return outcomes;
    }

    /// <summary>
    /// The next file's outcome, and whether the worker lives on (a dead or late one is disposed here).
    /// </summary>
    private async Task<(ExtractionOutcome, bool WorkerAlive)> ReplyAsync(ExtractorWorker worker, string path,
        string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The converters inside have their own limit; the worker gets a little longer to report it.
        timeout.CancelAfter(limits.Timeout + TimeSpan.FromSeconds(15));
        ExtractorReply? reply;
        try
        {
            reply = await worker.ReadReplyAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            worker.Dispose();
            if (cancellationToken.IsCancellationRequested) throw;
            return (new(null, e is IOException ? Crashed(worker, name) : new ExtractionException(
                ExtractionProblem.TimedOut,
                $"解析“{name}”超时（{limits.Timeout.TotalSeconds:0} 秒），文件可能已损坏或结构异常，未保存。请另存为 PDF 或 DOCX 后重新上传。")),
                false);
        }
        if (reply is null)
        {
            worker.Dispose();
            return (new(null, Crashed(worker, name)), false);
        }
        if (reply.Text is null)
            return (new(null, new ExtractionException(Enum.Parse<ExtractionProblem>(reply.Problem!),
                reply.Message ?? "")), true);
        var textFile = ExtractedFile.TextFileOf(path);
        if (reply.TextFile is not { Length: > 0 })
            await File.WriteAllTextAsync(textFile, reply.Text, cancellationToken);
        var format = Enum.Parse<EvidenceFormat>(reply.Format!);
        return (new(new ExtractedFile(textFile, format, reply.PageCount, reply.NoTextRead, reply.Note), null), true);
    }

    /// <summary>
    /// The worker died without a reply. Out of memory (the GC's hard limit, or the kernel's OOM killer: SIGKILL) is
    /// said as such, with the limit; only other deaths suggest a damaged file.
    /// </summary>
    private ExtractionException Crashed(ExtractorWorker worker, string fileName) =>
        worker.Errors.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase)
        || worker.Errors.Contains("out of memory", StringComparison.OrdinalIgnoreCase) || worker.ExitCode == 137
            ? new ExtractionException(ExtractionProblem.OutOfMemory,
                $"解析“{fileName}”所需内存超过解析程序的上限（{limits.MemoryLimitBytes / (1024 * 1024)} MB），未保存。" +
                "文件文字过多或结构异常：请拆分为几个较小的文件，或另存为 PDF 后重新上传。")
            : new ExtractionException(ExtractionProblem.Corrupt, $"解析“{fileName}”时解析程序异常退出，文件可能已损坏，未保存。请检查原文件，或另存为 PDF 或 DOCX 后重新上传。");

    public void Dispose()
    {
        while (_idle.TryTake(out var worker)) worker.Dispose();
        _turns.Dispose();
    }
}

/// <summary>The one JSON line the extractor process prints: either the text or the problem.</summary>
/// <see cref="TextFile"/>: where the text was written when the request named a file for it (then Text is "").
public sealed record ExtractorReply(string? Format, string? Text, int? PageCount, bool NoTextRead, string? Note,
    string? Problem, string? Message, string? TextFile = null);

/// <summary>The request shared by the parent and the child, so the two cannot drift apart.</summary>
public static class ExtractorArguments
{
    public static IEnumerable<string> For(string path, string name, ExtractionLimits limits, ConverterPaths converters,
        string textFile = "")
    {
        yield return path;
        yield return name;
        yield return limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture);
        yield return ((long)limits.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        yield return converters.Soffice ?? "";
        yield return converters.Tesseract ?? "";
        yield return converters.Pdftoppm ?? "";
        yield return textFile;
    }

    /// <summary>Where the worker writes the text ("" or absent: in the reply).</summary>
    public static string TextFile(string[] args) => args.Length > 7 ? args[7] : "";

    public static (string Path, string Name, ExtractionLimits Limits, ConverterPaths Converters) Parse(string[] args) =>
        (args[0], args[1],
            new ExtractionLimits { MaxFileBytes = long.Parse(args[2], CultureInfo.InvariantCulture), Timeout = TimeSpan.FromMilliseconds(long.Parse(args[3], CultureInfo.InvariantCulture)) },
            new ConverterPaths(Empty(args[4]), Empty(args[5]), Empty(args[6])));

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}

/// <summary>
/// The worker protocol's JSON, generated at compile time: a new worker serializes without first building its
/// converters by reflection (part of every worker's start).
/// </summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string[][]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(ExtractorReply))]
public sealed partial class ExtractorJson : System.Text.Json.Serialization.JsonSerializerContext;
