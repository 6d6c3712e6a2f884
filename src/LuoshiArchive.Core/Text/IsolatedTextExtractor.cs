using System.Collections.Concurrent;
using System.Globalization;

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

    public async Task<ExtractedText> ExtractAsync(string path, string originalFileName, CancellationToken cancellationToken = default)
    {
        var worker = _idle.TryTake(out var reused) && !reused.HasExited ? reused : new ExtractorWorker(limits.MemoryLimitBytes);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The converters inside have their own limit; the worker gets a little longer to report it.
        timeout.CancelAfter(limits.Timeout + TimeSpan.FromSeconds(15));
        ExtractorReply? reply;
        try
        {
            reply = await worker.AskAsync(ExtractorArguments.For(path, originalFileName, limits, converters), timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            worker.Dispose();
            if (cancellationToken.IsCancellationRequested) throw;
            if (e is IOException) throw Crashed(worker, originalFileName);
            throw new ExtractionException(ExtractionProblem.TimedOut,
                $"解析“{originalFileName}”超时（{limits.Timeout.TotalSeconds:0} 秒），文件可能已损坏或结构异常，未保存。请另存为 PDF 或 DOCX 后重新上传。");
        }
        if (reply is null)
        {
            worker.Dispose();
            throw Crashed(worker, originalFileName);
        }
        _idle.Add(worker);
        if (reply.Text is { } text)
            return new ExtractedText(Enum.Parse<EvidenceFormat>(reply.Format!), text, reply.PageCount, reply.NoTextRead, reply.Note);
        throw new ExtractionException(Enum.Parse<ExtractionProblem>(reply.Problem!), reply.Message ?? "");
    }

    private static ExtractionException Crashed(ExtractorWorker worker, string fileName) =>
        worker.Errors.Contains("OutOfMemory", StringComparison.Ordinal)
            ? new ExtractionException(ExtractionProblem.OutOfMemory, $"解析“{fileName}”所需内存超过上限，文件可能结构异常，未保存。请另存为 PDF 或 DOCX 后重新上传。")
            : new ExtractionException(ExtractionProblem.Corrupt, $"解析“{fileName}”时解析程序异常退出，文件可能已损坏，未保存。请检查原文件，或另存为 PDF 或 DOCX 后重新上传。");

    public void Dispose()
    {
        while (_idle.TryTake(out var worker)) worker.Dispose();
    }
}

/// <summary>The one JSON line the extractor process prints: either the text or the problem.</summary>
public sealed record ExtractorReply(string? Format, string? Text, int? PageCount, bool NoTextRead, string? Note, string? Problem, string? Message);

/// <summary>The request shared by the parent and the child, so the two cannot drift apart.</summary>
public static class ExtractorArguments
{
    public static IEnumerable<string> For(string path, string name, ExtractionLimits limits, ConverterPaths converters)
    {
        yield return path;
        yield return name;
        yield return limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture);
        yield return ((long)limits.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        yield return converters.Soffice ?? "";
        yield return converters.Tesseract ?? "";
        yield return converters.Pdftoppm ?? "";
    }

    public static (string Path, string Name, ExtractionLimits Limits, ConverterPaths Converters) Parse(string[] args) =>
        (args[0], args[1],
            new ExtractionLimits { MaxFileBytes = long.Parse(args[2], CultureInfo.InvariantCulture), Timeout = TimeSpan.FromMilliseconds(long.Parse(args[3], CultureInfo.InvariantCulture)) },
            new ConverterPaths(Empty(args[4]), Empty(args[5]), Empty(args[6])));

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
