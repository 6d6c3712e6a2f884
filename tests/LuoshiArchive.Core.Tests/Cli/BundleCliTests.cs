using System.IO.Compression;
using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class BundleCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("luoshi-cli-bundle-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 12, 20));

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, "--storage", Path.Combine(_root, "storage")], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Export_then_verify_passes_and_a_deleted_file_fails_verification()
    {
        await Run("init", "--demo");
        var notice = Path.Combine(_root, "通知.txt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "notice.txt"), notice);
        await Run("ingest", notice, "--task", "2018-001");
        var file = Path.Combine(_root, "2018年度归档包.zip");

        var export = await Run("bundle", "export", "--year", "2018", "--out", file);
        Assert.Equal(0, export.Exit);
        Assert.Contains("30 项任务，1 件材料", export.Err);
        Assert.Equal(0, (await Run("bundle", "verify", file)).Exit);

        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
            zip.Entries.First(e => e.FullName.EndsWith("通知.txt", StringComparison.Ordinal) || e.FullName.Contains("/2018-001-", StringComparison.Ordinal) && e.FullName.EndsWith(".txt", StringComparison.Ordinal)).Delete();
        var verify = await Run("bundle", "verify", file);
        Assert.Equal(1, verify.Exit);
        Assert.Contains("缺少文件", verify.Out);
    }

    [Fact]
    public async Task Wrong_usage_exits_2() => Assert.Equal(2, (await Run("bundle", "export", "--out", "x.zip")).Exit);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
