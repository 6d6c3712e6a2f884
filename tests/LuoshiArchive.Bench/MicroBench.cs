using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Bench;

/// <summary>
/// BenchmarkDotNet for the per-document steps the end-to-end figures break down into: the two analyses every text goes
/// through when indexed, the metadata proposal made at intake, the highlighting of a long text, and the digests of the
/// archive bundle per megabyte (SHA-256 and SHA-512 of its manifests, BLAKE3 of the export's check). In process (no
/// generated project to build), short runs.
/// <c>dotnet run -c Release --project tests/LuoshiArchive.Bench -- --micro</c>
/// </summary>
[MemoryDiagnoser]
public class MicroBench
{
    private string _page = "";
    private string _long = "";
    private readonly byte[] _megabyte = new byte[1 << 20];
    private Analyzer _words = null!;
    private Analyzer _bigrams = null!;

    public static void Run(string[] args)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<MicroBench>(config, args);
    }

    [GlobalSetup]
    public void Setup()
    {
        var docs = new SyntheticCorpus(2018).Generate(50).ToList();
        _page = docs[0].Text[..Math.Min(700, docs[0].Text.Length)];
        _long = docs.OrderByDescending(d => d.Text.Length).First().Text;
        new Random(2018).NextBytes(_megabyte);
        _words = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);
        _bigrams = new CJKAnalyzer(LuceneVersion.LUCENE_48);
        Tokens(_words, _page);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _words.Dispose();
        _bigrams.Dispose();
    }

    /// <summary>SmartCn words of one page (≈700 characters).</summary>
    [Benchmark]
    public int SmartCnPage() => Tokens(_words, _page);

    /// <summary>CJK bigrams of the same page.</summary>
    [Benchmark]
    public int BigramsPage() => Tokens(_bigrams, _page);

    /// <summary>Title, 文号, date and issuing body proposed from a text at intake.</summary>
    [Benchmark]
    public string? ProposeMetadata() => MetadataProposer.Propose(_long, "材料.docx").Title;

    /// <summary>Every occurrence of a two-word query marked in the longest document (the evidence page).</summary>
    [Benchmark]
    public int HighlightLongText() => EvidenceIndex.HighlightText(_long, "督查督办 落实").Length;

    [Benchmark]
    public byte[] Sha256Megabyte() => SHA256.HashData(_megabyte);

    [Benchmark]
    public byte[] Sha512Megabyte() => SHA512.HashData(_megabyte);

    /// <summary>The digest an export checks each original against (recorded at intake), fully managed SIMD.</summary>
    [Benchmark]
    public Blake3.Hash Blake3Megabyte() => Blake3.Hasher.Hash(_megabyte);

    private static int Tokens(Analyzer analyzer, string text)
    {
        var count = 0;
        using var stream = analyzer.GetTokenStream("f", text);
        stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) count++;
        stream.End();
        return count;
    }
}
