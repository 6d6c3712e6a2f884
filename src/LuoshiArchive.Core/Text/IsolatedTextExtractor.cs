using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// Runs <see cref="TextExtractor"/> in a child process (<c>luoshi-extract</c>) with a time limit and a GC heap
/// limit: a malformed file can crash a parser with a stack overflow, which .NET cannot catch, and must not take the
/// server down with it. The child prints one JSON line; a crash, a timeout or an OOM becomes a clear message.
/// </summary>
public sealed class IsolatedTextExtractor(ExtractionLimits limits, ConverterPaths converters)
{
    public const string ExtractorAssembly = "luoshi-extract.dll";

    public async Task<ExtractedText> ExtractAsync(string path, string originalFileName, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, ExtractorAssembly));
        foreach (var argument in ExtractorArguments.For(path, originalFileName, limits, converters)) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limits.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_TieredPGO"] = "0";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the text extractor");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The converters inside have their own limit; the child gets a little longer to report it.
        timeout.CancelAfter(limits.Timeout + TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new ExtractionException(ExtractionProblem.TimedOut,
                $"解析“{originalFileName}”超时（{limits.Timeout.TotalSeconds:0} 秒），文件可能已损坏或结构异常，未保存。");
        }
        var json = (await output).Trim();
        var reply = json.Length > 0 ? JsonSerializer.Deserialize<ExtractorReply>(json.Split('\n')[^1]) : null;
        if (reply?.Text is { } text)
            return new ExtractedText(Enum.Parse<EvidenceFormat>(reply.Format!), text, reply.PageCount, reply.NoTextRead, reply.Note);
        if (reply?.Problem is { } problem) throw new ExtractionException(Enum.Parse<ExtractionProblem>(problem), reply.Message ?? "");
        var stderr = await error;
        if (stderr.Contains("OutOfMemory", StringComparison.Ordinal))
            throw new ExtractionException(ExtractionProblem.OutOfMemory, $"解析“{originalFileName}”所需内存超过上限，文件可能结构异常，未保存。");
        throw new ExtractionException(ExtractionProblem.Corrupt,
            $"解析“{originalFileName}”时解析程序异常退出（退出码 {process.ExitCode}），文件可能已损坏，未保存。");
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}

/// <summary>The one JSON line the extractor process prints: either the text or the problem.</summary>
public sealed record ExtractorReply(string? Format, string? Text, int? PageCount, bool NoTextRead, string? Note, string? Problem, string? Message);

/// <summary>The command line shared by the parent and the child, so the two cannot drift apart.</summary>
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
