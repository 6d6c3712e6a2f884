using System.Text.Json;
using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class DossierCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string _inbox = Directory.CreateTempSubdirectory("luoshi-inbox-").FullName;
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void Inbox(string relative, string fixture)
    {
        var target = Path.Combine(_inbox, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), target);
    }

    [Fact]
    public async Task A_folder_is_ingested_recursively_each_bad_file_reported_and_the_rest_searchable()
    {
        await Run("init", "--demo", "--tasks-only");
        Inbox("通知.pdf", "notice.pdf");
        Inbox("子目录/通知-GB18030.txt", "notice-gb18030.txt");
        Inbox("子目录/加密.pdf", "notice-encrypted.pdf");
        Inbox("通知副本.pdf", "notice.pdf");

        var (exit, _, stderr) = await Run("ingest", _inbox, "--task", "2018-001", "--kind", "policy");

        Assert.Equal(1, exit);
        Assert.Contains("新增 2 件，已有并归入 1 件，失败 1 件", stderr);
        Assert.Contains("加密.pdf", stderr);
        Assert.Contains("4/4", stderr);

        var search = await Run("search", "津教委(2018]1号", "--json");
        Assert.Equal(0, search.Exit);
        using var json = JsonDocument.Parse(search.Out);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal(["evidenceId", "title", "number", "date", "kind", "tasks", "score", "snippet"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("津教委〔2018〕1号", hit.GetProperty("number").GetString());
        Assert.Equal("2018-02-08", hit.GetProperty("date").GetString());
        Assert.Equal("Policy", hit.GetProperty("kind").GetString());
        Assert.Equal("2018-001", hit.GetProperty("tasks")[0].GetString());
        Assert.Contains("津教委", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task An_unknown_task_is_refused_once_before_any_file_is_read()
    {
        await Run("init", "--demo", "--tasks-only");
        for (var i = 1; i <= 120; i++) File.WriteAllText(Path.Combine(_inbox, $"{i:000}.txt"), $"第{i}份汇报");

        var (exit, _, stderr) = await Run("ingest", _inbox, "--task", "2099-999");

        Assert.Equal(1, exit);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stderr, "任务“2099-999”不存在"));
        Assert.DoesNotContain("已确认", stderr);
        Assert.DoesNotContain("失败：", stderr);
        using var search = JsonDocument.Parse((await Run("search", "汇报", "--json")).Out);
        Assert.Equal(0, search.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reindex_after_losing_the_index_gives_the_same_results()
    {
        await Run("init", "--demo", "--tasks-only");
        Inbox("通知.txt", "notice.txt");
        await Run("ingest", _inbox, "--task", "2018-002");
        var before = (await Run("search", "落实长效", "--json")).Out;

        Directory.Delete(Path.Combine(_storage, "index"), recursive: true);
        var reindex = await Run("reindex");

        Assert.Equal(0, reindex.Exit);
        Assert.Contains("1 件佐证材料", reindex.Err);
        Assert.Equal(before, (await Run("search", "落实长效", "--json")).Out);
    }

    [Theory]
    [InlineData("ingest", "x.txt")]
    [InlineData("ingest", "x.txt", "--task", "2018-001", "--kind", "photo")]
    [InlineData("ingest", "x.txt", "--task", "2018-001", "--date", "2018/2/8")]
    [InlineData("search")]
    [InlineData("search", "落实", "--top", "0")]
    public async Task Wrong_usage_of_dossier_commands_exits_2(params string[] args) =>
        Assert.Equal(2, (await Run(args)).Exit);

    public void Dispose()
    {
        foreach (var dir in new[] { _storage, _inbox })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
