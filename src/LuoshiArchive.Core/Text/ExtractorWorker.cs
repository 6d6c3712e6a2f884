using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LuoshiArchive.Core.Text;

/// <summary>
/// One long-lived <c>luoshi-extract --serve</c> child process: requests and replies one JSON line each. Starting a
/// .NET process costs ~150 ms, more than reading most documents, so workers are kept and reused until one fails.
/// </summary>
internal sealed class ExtractorWorker : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastErrors = new();

    public ExtractorWorker(long memoryLimitBytes)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, IsolatedTextExtractor.ExtractorAssembly));
        start.ArgumentList.Add("--serve");
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + memoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the text extractor");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_lastErrors)
            {
                _lastErrors.Enqueue(e.Data);
                if (_lastErrors.Count > 20) _lastErrors.Dequeue();
            }
        };
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.HasExited ? _process.ExitCode : 0;

    public string Errors
    {
        get { lock (_lastErrors) return string.Join('\n', _lastErrors); }
    }

    /// <summary>
    /// Sends one request line: several files (each an ExtractorArguments array) the worker reads in turn.
    /// </summary>
    public async Task SendAsync(IEnumerable<string[]> files, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(files.ToArray(), ExtractorJson.Default.StringArrayArray);
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The next file's reply, or null when the worker died without one. Throws OperationCanceledException on timeout.
    /// </summary>
    public async Task<ExtractorReply?> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        return line is null ? null : JsonSerializer.Deserialize(line, ExtractorJson.Default.ExtractorReply);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000); // gone (and reaped) when this returns, not some time later
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
