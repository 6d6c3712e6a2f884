using System.Diagnostics;
using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Bench;

/// <summary>Search latency with a warm index: word, fragment, phrase, document number, filtered and partial queries.</summary>
public static class SearchBench
{
    private const int Warmup = 30;
    private const int Runs = 200;

    /// <param name="only">When given, only this query is measured (to profile one query).</param>
    public static List<Latency> Run(string indexPath, IReadOnlyList<SyntheticCorpus.Document> corpus, string? only = null)
    {
        using var index = new EvidenceIndex(indexPath);
        var number = corpus[corpus.Count / 2].Number.Replace('〔', '(').Replace('〕', ']');
        var queries = new (string Name, SearchQuery Query)[]
        {
            ("word 落实", new SearchQuery("落实")),
            ("fragment 效机", new SearchQuery("效机")),
            ("fragment 实长效", new SearchQuery("实长效")),
            ("phrase \"工作落实长效机制\"", new SearchQuery("\"工作落实长效机制\"")),
            ($"number {number}", new SearchQuery(number)),
            ("filtered 课后服务 year+department", new SearchQuery("课后服务") { Year = 2019, Department = "办公室" }),
            ("two words 督查督办 河西区", new SearchQuery("督查督办 河西区")),
            ("two words 重点任务 落实", new SearchQuery("重点任务 落实")),
            ("partial 督查督办 区块链", new SearchQuery("督查督办 区块链")),
        };
        if (only is not null) queries = [(only, new SearchQuery(only))];
        var results = new List<Latency>();
        foreach (var (name, query) in queries)
        {
            for (var i = 0; i < Warmup; i++) index.Search(query);
            var times = new List<double>();
            var hits = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                hits = index.Search(query).Total;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            times.Sort();
            results.Add(new Latency(name, Runs, times[Runs / 2], times[(int)(Runs * 0.95)], times[(int)(Runs * 0.99)],
                hits, cpu.TotalMilliseconds / Runs));
        }
        return results;
    }
}
