using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace LuoshiArchive.Bench;

/// <summary>
/// Memory under load (issue 19, defect 7): the web process started on a prepared store, <c>clients</c> signed-in
/// clients searching "重点任务 落实" back to back, and after 3 s <c>uploads</c> text files of <c>megabytes</c> MB sent at
/// once through the API. The process's working set is sampled every 100 ms.
/// </summary>
public static class WebMemoryBench
{
    public sealed record Upload(int Status, double Seconds, string Answer);

    public sealed record Result(string Engine, int Documents, double StartMegabytes, double PeakMegabytes,
        double EndMegabytes, WebBench.PageLoad Search, List<Upload> Uploads);

    public static async Task<Result> Run(IReadOnlyList<SyntheticCorpus.Document> corpus, string storagePath,
        int clients, double seconds, int uploads, int megabytes, BenchEngine engine)
    {
        var options = engine.NewStore(storagePath);
        await WebBench.Prepare(corpus, options, engine);
        string secret, code;
        await using (var provider = engine.Services(options))
        {
            var tokens = provider.GetRequiredService<ApiTokens>();
            secret = tokens.Create("bench", "bench", null, Actor.Console("bench")).Secret;
            code = provider.GetRequiredService<TaskRegistry>().List(new TaskFilter())[0].Task.Code;
        }
        var files = Enumerable.Range(0, uploads).Select(i => TextOf(megabytes, i)).ToList();
        var (process, _, url) = await WebBench.Launch(options);
        using (process)
        {
            var samples = new List<double>();
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    lock (samples) samples.Add(process.WorkingSet64 / 1048576.0);
                    await Task.Delay(100);
                }
            });
            process.Refresh();
            var start = process.WorkingSet64 / 1048576.0;
            var search = WebBench.Load(url, "/Search?q=重点任务%20落实", clients, seconds);
            await Task.Delay(TimeSpan.FromSeconds(6)); // the load's 3 s warm-up, then 3 s measured
            var sent = await Task.WhenAll(files.Select((bytes, i) => Send(url, code, secret, bytes, i)));
            var load = await search;
            await Task.Delay(1000);
            process.Refresh();
            var end = process.WorkingSet64 / 1048576.0;
            await sampling.CancelAsync();
            await sampler;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            double peak;
            lock (samples) peak = samples.Max();
            var result = new Result(engine.Name, corpus.Count, Math.Round(start), Math.Round(peak), Math.Round(end),
                load, sent.ToList());
            Console.Error.WriteLine(
                $"web memory ({engine.Name}): start {start:0} MB, peak {peak:0} MB, end {end:0} MB; {load}");
            return result;
        }
    }

    private static async Task<Upload> Send(string url, string code, string secret, byte[] bytes, int i)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", $"汇编{i}.txt");
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync($"{url}/api/v1/tasks/{code}/evidence", form);
        var answer = await response.Content.ReadAsStringAsync();
        return new Upload((int)response.StatusCode, Math.Round(watch.Elapsed.TotalSeconds, 1),
            answer.Length > 300 ? answer[..300] : answer);
    }

    /// <summary>A text file of about <paramref name="megabytes"/> MB of UTF-8, different for each upload.</summary>
    private static byte[] TextOf(int megabytes, int salt)
    {
        var doc = new SyntheticCorpus(9000 + salt, 100).Generate(1).Single();
        var text = new StringBuilder();
        while (text.Length * 3 < megabytes * 1_000_000) text.Append(doc.Text);
        return Encoding.UTF8.GetBytes(text.ToString(0, Math.Min(text.Length, megabytes * 1_000_000 / 3)));
    }
}
