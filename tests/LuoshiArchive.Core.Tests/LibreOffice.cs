using System.Diagnostics;

namespace LuoshiArchive.Core.Tests;

/// <summary>Converts a file with the real LibreOffice (installed by scripts/install-test-deps.sh) to prove others can open our output.</summary>
public static class LibreOffice
{
    public static string Convert(string file, string toFormat, string outDir) => Convert(file, toFormat, outDir, TimeSpan.FromSeconds(120));

    public static string Convert(string file, string toFormat, string outDir, TimeSpan limit)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists)
                      ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed: run scripts/install-test-deps.sh");
        var profile = "file://" + Path.Combine(Path.GetTempPath(), "lo-profile-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(soffice)
        {
            ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--convert-to", toFormat, "--outdir", outDir, file },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"LibreOffice did not finish converting within {limit.TotalSeconds:0} s");
        }
        var output = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + "." + toFormat.Split(':')[0]);
        if (!File.Exists(output))
            throw new InvalidOperationException($"LibreOffice produced no {toFormat}: {process.StandardError.ReadToEnd()} {process.StandardOutput.ReadToEnd()}");
        return output;
    }
}
