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
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(Path.Combine(_root, "storage"))], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Export_then_verify_passes_and_a_deleted_file_fails_verification()
    {
        await Run("init", "--demo", "--tasks-only");
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
    public async Task Export_then_import_into_an_empty_store_gives_the_same_tasks_searches_meetings_and_bytes()
    {
        await Run("init", "--demo", "--tasks-only");
        var notice = Path.Combine(_root, "通知.pdf");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "notice.pdf"), notice);
        await Run("ingest", notice, "--task", "2018-001", "--task", "2018-002", "--kind", "policy");
        var id = (await Run("meetings", "add", "--kind", "DirectorsOffice", "--date", "2018-03-20", "--title", "主任办公会", "--task", "2018-003")).Out.Trim();
        var minutes = Path.Combine(_root, "纪要.txt");
        File.WriteAllText(minutes, "主任办公会纪要\n会议研究了部署会筹备。\n2018年3月20日");
        await Run("minutes", "attach", minutes, "--meeting", id);
        var file = Path.Combine(_root, "bundle.zip");
        await Run("bundle", "export", "--year", "2018", "--out", file);
        var other = Path.Combine(_root, "other");
        async Task<string> In(string storage, params string[] args)
        {
            var stdout = new StringWriter();
            await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(storage)], stdout, new StringWriter(), new StringReader(""), _clock);
            return stdout.ToString();
        }

        var import = await LuoshiCli.RunAsync(["bundle", "import", file, .. TestDatabase.StorageOptions(other)], new StringWriter(), new StringWriter(), new StringReader(""), _clock);

        Assert.Equal(0, import);
        var source = Path.Combine(_root, "storage");
        Assert.Equal(await In(source, "tasks", "list", "--json"), await In(other, "tasks", "list", "--json"));
        Assert.Equal(await In(source, "meetings", "list", "--json"), await In(other, "meetings", "list", "--json"));
        foreach (var query in new[] { "津教委(2018]1号", "落实长效", "部署会筹备" })
            Assert.Equal(await In(source, "search", query, "--json"), await In(other, "search", query, "--json"));
        var blobs = Directory.GetFiles(Path.Combine(other, "blobs"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Contains(blobs, b => File.ReadAllBytes(b).SequenceEqual(File.ReadAllBytes(notice)));

        var again = await LuoshiCli.RunAsync(["bundle", "import", file, .. TestDatabase.StorageOptions(other)], new StringWriter(), new StringWriter(), new StringReader(""), _clock);
        Assert.Equal(1, again);
        Assert.Equal(await In(source, "tasks", "list", "--json"), await In(other, "tasks", "list", "--json"));
    }

    [Fact]
    public async Task A_refused_import_leaves_the_storage_folder_exactly_as_it_was()
    {
        await Run("init", "--demo", "--tasks-only");
        var file = Path.Combine(_root, "bundle.zip");
        await Run("bundle", "export", "--year", "2018", "--out", file);
        Archive.AnnualBundleTests.Rewrite(file, "bag-info.txt", info => info.Replace("Payload-Oxum: ", "Payload-Oxum: 1", StringComparison.Ordinal));
        var missing = Path.Combine(_root, "new-store");
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty-store")).FullName;

        foreach (var storage in new[] { missing, empty })
        {
            var stderr = new StringWriter();
            var exit = await LuoshiCli.RunAsync(["bundle", "import", file, .. TestDatabase.StorageOptions(storage)], new StringWriter(), stderr, new StringReader(""), _clock);
            Assert.Equal(1, exit);
            Assert.Contains("Payload-Oxum 不符", stderr.ToString());
        }

        Assert.False(Directory.Exists(missing));
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Fact]
    public async Task Wrong_usage_exits_2() => Assert.Equal(2, (await Run("bundle", "export", "--out", "x.zip")).Exit);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
