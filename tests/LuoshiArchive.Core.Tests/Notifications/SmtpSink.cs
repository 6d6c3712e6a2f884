using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace LuoshiArchive.Core.Tests.Notifications;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's aiosmtpd run by <c>smtp_sink.py</c> (installed by
/// scripts/install-test-deps.sh). It keeps every message it accepts as a file; <see cref="Received"/> parses them.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process _process;

    private SmtpSink(int port, string folder, Process process)
    {
        Port = port;
        Folder = folder;
        _process = process;
    }

    public int Port { get; }
    public string Folder { get; }

    /// <summary>Starts a server; <paramref name="mode"/> accept, refuse (451 to every recipient) or hang (never
    /// answers DATA).</summary>
    public static SmtpSink Start(string mode = "accept", int? port = null, string? folder = null)
    {
        port ??= FreePort();
        folder ??= Path.Combine(Path.GetTempPath(), "luoshi-smtp-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(AppContext.BaseDirectory, "Notifications", "smtp_sink.py");
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList =
            {
                script, "--port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--folder", folder, "--mode", mode,
            },
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        // Read on a thread of its own: an async read waiting for the thread pool starved under the parallel suite
        // (a PostgreSQL pass once saw "no answer in 30 s" from a server that had started).
        string? first = null;
        var reader = new Thread(() =>
        {
            try { first = process.StandardOutput.ReadLine(); }
            catch (IOException) { }
        }) { IsBackground = true };
        reader.Start();
        if (!reader.Join(TimeSpan.FromSeconds(60)) || first != "ready")
        {
            var error = process.HasExited ? process.StandardError.ReadToEnd() : "no answer in 60 s";
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the test SMTP server did not start: " + error);
        }
        return new SmtpSink(port.Value, folder, process);
    }

    /// <summary>The messages accepted so far, oldest first, with the envelope recipients.</summary>
    public IReadOnlyList<(string Recipients, MimeMessage Message)> Received()
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(file =>
        {
            using var stream = File.OpenRead(file);
            var firstLine = new StreamReader(stream).ReadLine()!;
            stream.Position = firstLine.Length + 2;
            return (firstLine["X-Sink-Rcpt: ".Length..], MimeMessage.Load(stream));
        }).ToList();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server (closing its stdin) but keeps what it received.</summary>
    public void Stop()
    {
        if (_disposed || _process.HasExited) return;
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
    }

    /// <summary>Stops and releases the server; a second call (a factory disposed twice) does nothing.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        Stop();
        _process.Dispose();
        _disposed = true;
    }

    private bool _disposed;
}
