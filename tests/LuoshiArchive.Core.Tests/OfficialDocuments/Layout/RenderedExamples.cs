using System.Diagnostics;
using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.OfficialDocuments.Layout;

/// <summary>
/// The three example documents of docs/examples (the seed 印发通知, a 通报表扬 and a 通报批评 with 抄送, 附注,
/// attachments and 版记) rendered once per test class by <c>luoshi doc render --pdf</c> (LibreOffice), one after the
/// other (side by side gains nothing on two cores and risks the converter's time limit): a render is the slow step.
/// </summary>
public sealed class RenderedExamples : IDisposable
{
    public static readonly string[] Names = ["seed-notice", "commendation", "criticism"];

    private readonly string _dir = Directory.CreateTempSubdirectory("luoshi-printed-").FullName;
    private readonly Dictionary<string, PrintedDocument> _documents = new(StringComparer.Ordinal);

    public RenderedExamples()
    {
        foreach (var name in Names)
        {
            var spec = Path.Combine(AppContext.BaseDirectory, "Examples", name + ".json");
            var pdf = Path.Combine(_dir, name + ".pdf");
            var stderr = new StringWriter();
            string[] args = ["doc", "render", spec, "--out", Path.Combine(_dir, name + ".docx"), "--pdf", pdf,
                .. TestDatabase.StorageOptions(Path.Combine(_dir, "storage-" + name))];
            var exit = LuoshiCli.RunAsync(args, new StringWriter(), stderr, new StringReader("")).GetAwaiter().GetResult();
            if (exit != 0 && File.Exists(Path.Combine(_dir, name + ".docx")))
            {
                // The command's converter gives up after 120 s; on a machine loaded by other builds that can pass
                // while the DOCX is fine: convert the same DOCX again with a longer limit.
                var converted = LibreOffice.Convert(Path.Combine(_dir, name + ".docx"), "pdf", _dir, TimeSpan.FromSeconds(400));
                File.Move(converted, pdf, overwrite: true);
            }
            else if (exit != 0) throw new InvalidOperationException($"luoshi doc render {name} failed: {stderr}");
            _documents[name] = PrintedDocument.Read(pdf);
        }
    }

    public PrintedDocument this[string name] => _documents[name];

    /// <summary>Runs one of the shared GB/T 9704 measuring scripts on a rendered document: exit code and report.</summary>
    public (int Exit, string Report) Measure(string script, string name)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OfficialDocuments", "Layout", script));
        start.ArgumentList.Add(this[name].Path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
