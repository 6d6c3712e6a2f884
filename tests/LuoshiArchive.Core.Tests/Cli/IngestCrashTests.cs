using System.Diagnostics;
using System.Text.Json;
using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// Crash safety of batched ingest: <c>luoshi ingest FOLDER</c> killed with SIGKILL (kill -9) right after it reported
/// a batch confirmed. Every file of every batch it reported confirmed is stored and found by search, nothing is half
/// stored (<c>luoshi check</c> is clean once the next command has caught the index up with the store), and
/// ingesting the folder again adds exactly what was missing.
/// </summary>
public sealed class IngestCrashTests : IDisposable
{
    // Eighteen batches: after the first is reported, the rest takes far longer than the kill (with 180 files, the
    // whole folder was once stored before the kill arrived).
    private const int Files = 900;
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-ingest-crash-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));
    private string Storage => Path.Combine(_root, "storage");
    private string Inbox => Path.Combine(_root, "inbox");

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(Storage)], stdout, stderr,
            new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Every_file_of_a_batch_reported_confirmed_survives_kill_9_and_nothing_is_half_stored()
    {
        Assert.Equal(0, (await Run("init", "--demo", "--tasks-only")).Exit);
        Directory.CreateDirectory(Inbox);
        for (var i = 1; i <= Files; i++)
            File.WriteAllText(Path.Combine(Inbox, $"{i:000}.txt"), $"落实材料{i:000}号\n第{i}份汇报：各区课后服务进展，编号{i:000}。");

        var confirmed = await IngestAndKillAfterFirstConfirmedBatchAsync();

        // What it reported confirmed: "已确认 第 N 批 M 个文件（第 A–B 个：…）", files A to B in name order.
        Assert.NotEmpty(confirmed);
        // The next command that opens the index catches up with what the store committed and the index had not.
        var search = await Run("search", "落实材料", "--json", "--top", "1000");
        using var json = JsonDocument.Parse(search.Out);
        var titles = json.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("title").GetString()).ToHashSet();
        foreach (var number in confirmed) Assert.Contains($"落实材料{number:000}号", titles);
        Assert.True(titles.Count < Files, "the kill came after the whole folder was stored: nothing was tested");
        var check = await Run("check");
        Assert.True(check.Exit == 0, check.Out);

        // Again: the stored files are recognised, the rest added, and the store is whole.
        var again = await Run("ingest", Inbox, "--task", "2018-001");
        Assert.Equal(0, again.Exit);
        Assert.Contains($"新增 {Files - titles.Count} 件，已有并归入 {titles.Count} 件，失败 0 件", again.Err);
        using var all = JsonDocument.Parse((await Run("search", "落实材料", "--json", "--top", "1000")).Out);
        Assert.Equal(Files, all.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, (await Run("check")).Exit);
    }

    /// <summary>
    /// Runs the CLI as its own process and SIGKILLs it once a batch is reported; returns the numbers reported.
    /// </summary>
    private async Task<List<int>> IngestAndKillAfterFirstConfirmedBatchAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "luoshi.dll"), "ingest", Inbox,
                     "--task", "2018-001", .. TestDatabase.StorageOptions(Storage)])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var confirmed = new List<int>();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ConfirmedRange(line) is not { } range) continue;
            process.Kill(entireProcessTree: false); // SIGKILL: no finally blocks, no flush, no index commit
            confirmed.AddRange(Enumerable.Range(range.First, range.Last - range.First + 1));
            break;
        }
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        Assert.Equal(137, process.ExitCode); // killed, not finished
        return confirmed;
    }

    private static (int First, int Last)? ConfirmedRange(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, @"已确认 第 \d+ 批 \d+ 个文件（第 (\d+)–(\d+) 个");
        return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : null;
    }

    public void Dispose()
    {
        TestDatabase.Drop(Storage);
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
