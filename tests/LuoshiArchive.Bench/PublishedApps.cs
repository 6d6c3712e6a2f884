using System.Diagnostics;

namespace LuoshiArchive.Bench;

/// <summary>
/// The CLI and the web app as a server runs them: `dotnet publish -c Release` into the bench's work folder, which
/// precompiles every assembly (ReadyToRun, set in the two projects). Start-up is measured on these beside the build
/// output that `dotnet run` and the tests use.
/// </summary>
public sealed record PublishedApps(string Cli, string Web)
{
    public static PublishedApps Publish(string workFolder)
    {
        var repository = WebBench.RepositoryRoot();
        var cli = PublishOne(repository, "LuoshiArchive.Cli", Path.Combine(workFolder, "published-cli"));
        var web = PublishOne(repository, "LuoshiArchive.Web", Path.Combine(workFolder, "published-web"));
        return new PublishedApps(Path.Combine(cli, "luoshi.dll"), Path.Combine(web, "LuoshiArchive.Web.dll"));
    }

    private static string PublishOne(string repository, string project, string output)
    {
        var watch = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = repository,
        };
        string[] arguments = ["publish", Path.Combine("src", project), "-c", "Release", "-o", output, "--nologo"];
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish {project} failed: {log.Result}{errors.Result}");
        Console.Error.WriteLine($"published {project} (ReadyToRun) in {watch.Elapsed.TotalSeconds:0} s");
        return output;
    }
}
