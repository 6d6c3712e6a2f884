using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using LuoshiArchive.Core;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Demo;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Bench;

/// <summary>
/// The web app as users meet it: started as its own process on a store holding the demo commission and a few thousand
/// documents, timed from launch to the first page served (cold start), then loaded by in-process clients that sign
/// in and fetch the task list and the search page as fast as they are answered.
/// </summary>
public static partial class WebBench
{
    internal const string Password = "bench-password-2018";

    public sealed record ColdStart(int Run, double Seconds);

    public sealed record PageLoad(string Page, int Clients, double Seconds, int Requests, double RequestsPerSecond,
        double P50, double P95, double P99, int Failures);

    public sealed record Result(string Engine, int Documents, List<ColdStart> ColdStarts, List<PageLoad> Pages)
    {
        /// <summary>`luoshi search 落实 --json` on the unchanged store, process start to exit, seconds per run.</summary>
        public List<double> CliSearches { get; } = [];

        /// <summary>The same with the CLI as `dotnet publish` makes it (ReadyToRun), as a server installs it.</summary>
        public List<double> PublishedCliSearches { get; } = [];

        /// <summary>Cold starts of the web app as `dotnet publish` makes it (ReadyToRun).</summary>
        public List<ColdStart> PublishedColdStarts { get; } = [];
    }

    /// <summary>
    /// Cold starts and CLI searches of the build output and, when <paramref name="published"/> is given, of the
    /// published apps, interleaved (build, published, build…) so that both meet the same machine; then the pages
    /// under load, on the published app when there is one.
    /// </summary>
    public static async Task<Result> Run(IReadOnlyList<SyntheticCorpus.Document> corpus, string storagePath,
        int clients, double seconds, BenchEngine engine, PublishedApps? published)
    {
        var options = engine.NewStore(storagePath);
        // A store kept between runs (--web-store) is prepared once per seed and size.
        var marker = Path.Combine(storagePath, "bench-web-store.txt");
        var wanted = $"{corpus.Count} documents, first {corpus.FirstOrDefault()?.Text.Length} characters";
        if (!File.Exists(marker) || File.ReadAllText(marker) != wanted)
        {
            if (Directory.Exists(storagePath)) Directory.Delete(storagePath, recursive: true);
            await Prepare(corpus, options, engine);
            File.WriteAllText(marker, wanted);
        }
        var built = new PublishedApps(BuiltDll("LuoshiArchive.Cli", "luoshi.dll"),
            BuiltDll("LuoshiArchive.Web", "LuoshiArchive.Web.dll"));
        var result = new Result(engine.Name, corpus.Count, [], []);
        for (var run = 1; run <= 3; run++)
        {
            result.CliSearches.Add(await CliSearch(options, built.Cli));
            Console.Error.WriteLine($"luoshi search {run} ({engine.Name}, build): {result.CliSearches[^1]:0.00} s");
            if (published is null) continue;
            result.PublishedCliSearches.Add(await CliSearch(options, published.Cli));
            Console.Error.WriteLine(
                $"luoshi search {run} ({engine.Name}, published): {result.PublishedCliSearches[^1]:0.00} s");
        }
        for (var run = 1; run <= 3; run++)
        {
            result.ColdStarts.Add(new ColdStart(run, await ColdStartOf(options, built.Web)));
            Console.Error.WriteLine(
                $"web cold start {run} ({engine.Name}, build): {result.ColdStarts[^1].Seconds:0.00} s");
            if (published is null) continue;
            result.PublishedColdStarts.Add(new ColdStart(run, await ColdStartOf(options, published.Web)));
            Console.Error.WriteLine(
                $"web cold start {run} ({engine.Name}, published): {result.PublishedColdStarts[^1].Seconds:0.00} s");
        }
        var (process, _, url) = await Launch(options, (published ?? built).Web);
        using (process)
        {
            foreach (var page in new[] { "/Tasks", "/Search?q=落实", "/Search?q=督查督办%20河西区&year=2019" })
            {
                var load = await Load(url, page, clients, seconds);
                result.Pages.Add(load);
                Console.Error.WriteLine($"web ({engine.Name}) {load}");
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return result;
    }

    private static async Task<double> ColdStartOf(LuoshiOptions options, string webDll)
    {
        var (process, started, _) = await Launch(options, webDll);
        using (process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return started;
    }

    /// <summary>The demo commission, an administrator, and the corpus filed as TXT into the demo tasks.</summary>
    internal static async Task Prepare(IReadOnlyList<SyntheticCorpus.Document> corpus, LuoshiOptions options,
        BenchEngine engine)
    {
        await using var provider = engine.Services(options);
        var tasks = provider.GetRequiredService<TaskRegistry>();
        var actor = Actor.Console("bench");
        DemoCommission.Load(provider.GetRequiredService<OrganisationDirectory>(), tasks, tasks.Today, actor);
        provider.GetRequiredService<AccountService>().Create("bench", "压测", Password, UserRole.Admin, actor: actor);
        var codes = tasks.List(new TaskFilter()).Select(i => i.Task.Code).ToList();
        var dossiers = provider.GetRequiredService<DossierService>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (doc, ct) =>
        {
            using var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(doc.Text));
            await dossiers.AddAsync(text, $"{doc.Id:00000}.txt", [codes[doc.Id % codes.Count]], null, actor, ct);
        });
        // As a running node would have: its index records that it applied the store's change log (PostgreSQL).
        provider.GetRequiredService<IndexFollower>().CatchUp();
        Console.Error.WriteLine($"web store ({engine.Name}): demo commission, {codes.Count} tasks, " +
            $"{corpus.Count} documents filed in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Runs <c>luoshi search 落实 --json</c> (that luoshi.dll) on the store; seconds from launch to exit.
    /// </summary>
    private static async Task<double> CliSearch(LuoshiOptions options, string cliDll)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[] { cliDll, "--storage", options.StoragePath,
                     "search", "落实", "--json" })
            start.ArgumentList.Add(arg);
        start.Environment[LuoshiOptions.DatabaseEnvironmentVariable] = options.Database;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0 || !(await output).Contains("\"total\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"luoshi search exited with {process.ExitCode}: {await errors}");
        return seconds;
    }

    /// <summary>Starts the web app (the built one by default) on a free port; the time is from launch to the sign-in
    /// page answered.</summary>
    internal static async Task<(Process Process, double Seconds, string Url)> Launch(LuoshiOptions options,
        string? webDll = null)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[] { webDll ?? BuiltDll("LuoshiArchive.Web", "LuoshiArchive.Web.dll"), "--storage",
                     options.StoragePath, "--urls", url })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment[LuoshiOptions.DatabaseEnvironmentVariable] = options.Database;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"web app exited with {process.ExitCode}");
            try
            {
                using var response = await probe.GetAsync(url + "/Account/Login");
                if (response.StatusCode == HttpStatusCode.OK) return (process, watch.Elapsed.TotalSeconds, url);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(10);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("web app did not answer within 60 s");
    }

    /// <summary><paramref name="clients"/> signed-in clients fetch <paramref name="page"/> back to back: 3 s warm-up, then the measure.</summary>
    internal static async Task<PageLoad> Load(string url, string page, int clients, double seconds)
    {
        var sessions = new List<HttpClient>();
        for (var i = 0; i < clients; i++) sessions.Add(await SignIn(url));
        var times = new List<double>[clients];
        var failures = 0;
        async Task Drive(int client, double duration, bool record)
        {
            times[client] = [];
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < duration)
            {
                var watch = Stopwatch.StartNew();
                using var response = await sessions[client].GetAsync(url + page);
                await response.Content.ReadAsByteArrayAsync();
                if (!record) continue;
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
                times[client].Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Drive(c, 3, record: false)));
        var measured = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Drive(c, seconds, record: true)));
        var elapsed = measured.Elapsed.TotalSeconds;
        foreach (var session in sessions) session.Dispose();
        var all = times.SelectMany(t => t).Order().ToList();
        double At(double q) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)(all.Count * q))];
        return new PageLoad(Uri.UnescapeDataString(page), clients, elapsed, all.Count, all.Count / elapsed, At(0.5), At(0.95), At(0.99), failures);
    }

    private static async Task<HttpClient> SignIn(string url)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var form = await client.GetStringAsync(url + "/Account/Login");
        var token = Token().Match(form);
        if (!token.Success) throw new InvalidOperationException("no antiforgery token on the sign-in page");
        using var response = await client.PostAsync(url + "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "bench", ["password"] = Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token.Groups[1].Value,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A project's build output beside this one: src/<paramref name="project"/>/bin/&lt;configuration&gt;/net10.0.</summary>
    internal static string BuiltDll(string project, string file)
    {
        var root = RepositoryRoot();
        var output = Path.GetRelativePath(Path.Combine(root, "tests", "LuoshiArchive.Bench"), AppContext.BaseDirectory);
        var dll = Path.Combine(root, "src", project, output, file);
        return File.Exists(dll) ? dll : throw new FileNotFoundException(project + " not built", dll);
    }

    internal static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LuoshiArchive.sln"))) root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException(
            "run the bench from the repository (LuoshiArchive.sln not found above it)");
    }
}
