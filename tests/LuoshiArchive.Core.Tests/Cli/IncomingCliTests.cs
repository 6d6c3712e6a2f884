using System.Text.Json;
using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// The 收文 register from the shell, in the issue's contract: add prints the id, assign --new-task prints the task code,
/// list --json in the stated shape; the whole way to 办结 and the reply runs from the command line.
/// </summary>
public sealed class IncomingCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 3, 20));

    public void Dispose()
    {
        if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr,
            new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<JsonElement> Item()
    {
        using var list = JsonDocument.Parse((await Run("incoming", "list", "--year", "2018", "--json")).Out);
        return list.RootElement.GetProperty("items")[0].Clone();
    }

    [Fact]
    public async Task A_suggestion_is_registered_assigned_completed_and_answered_from_the_command_line()
    {
        await Run("init", "--demo", "--tasks-only");
        Directory.CreateDirectory(_storage);
        var file = Path.Combine(_storage, "建议.txt");
        File.WriteAllText(file, "关于加强中小学体育锻炼的建议：每天校园体育活动一小时。");

        var added = await Run("incoming", "add", "--kind", "suggestion", "--from", "市人大代表李明", "--title",
            "关于加强中小学体育锻炼的建议", "--number", "第0456号", "--received", "2018-03-12", file);

        Assert.True(added.Exit == 0, added.Err);
        var id = added.Out.Trim();
        Assert.Matches(@"^\d+$", id);
        var item = await Item();
        Assert.Equal(["id", "kind", "from", "number", "title", "received", "deadline", "state", "tasks"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("suggestion", "2018-06-12", "registered"), (item.GetProperty("kind").GetString(),
            item.GetProperty("deadline").GetString(), item.GetProperty("state").GetString()));

        Assert.Equal(0, (await Run("incoming", "propose", id, "--text", "拟请体卫艺处牵头办理")).Exit);
        Assert.Equal("proposed", (await Item()).GetProperty("state").GetString());
        Assert.Equal(0, (await Run("incoming", "instruct", id, "--leader", "刘振华", "--date", "2018-03-14",
            "--text", "同意，按时答复")).Exit);
        Assert.Equal("instructed", (await Item()).GetProperty("state").GetString());
        var assigned = await Run("incoming", "assign", id, "--new-task", "--name", "办理第0456号建议", "--department", "办公室",
            "--deadline", "2018-06-10");
        Assert.Equal(0, assigned.Exit);
        var code = assigned.Out.Trim();
        Assert.Matches(@"^2018-\d{3}$", code);
        Assert.Equal([code], (await Item()).GetProperty("tasks").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("assigned", (await Item()).GetProperty("state").GetString());

        Assert.Equal(1, (await Run("tasks", "complete", code, "--confirmed-by", "孙丽娜", "--confirmed-on", "2018-03-19",
            "--evidence-to-follow")).Exit); // a clerk is not the head
        Assert.Equal(0, (await Run("tasks", "complete", code, "--confirmed-by", "周建平", "--confirmed-on", "2018-03-19",
            "--evidence-to-follow")).Exit);
        var reply = Path.Combine(_storage, "答复.txt");
        File.WriteAllText(reply, "对市人大代表李明第0456号建议的答复");
        var noReply = await Run("incoming", "close", id, "--result", "已答复");
        Assert.Equal((1, "人大建议办结须上传答复件并填写答复日期"), (noReply.Exit, noReply.Err.Trim().TrimEnd('。')));
        Assert.Equal(0, (await Run("incoming", "close", id, "--result", "已答复代表", "--replied", "2018-03-20", reply)).Exit);

        Assert.Equal("done", (await Item()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_register_travels_in_the_annual_bundle_and_comes_back_on_import()
    {
        await Run("init", "--demo", "--tasks-only");
        var file = Path.Combine(_storage, "来文.txt");
        File.WriteAllText(file, "关于做好春季学期开学工作的通知：各单位要做好校园安全检查。");
        var assignedId = (await Run("incoming", "add", "--kind", "document", "--from", "市教育两委", "--title", "春季开学通知",
            "--number", "津教党〔2018〕5号", "--received", "2018-03-01", file)).Out.Trim();
        await Run("incoming", "propose", assignedId, "--text", "拟请办公室牵头");
        await Run("incoming", "assign", assignedId, "--task", "2018-001", "2018-002");
        var waiting = Path.Combine(_storage, "提案.txt");
        File.WriteAllText(waiting, "关于增加校车线路的提案全文");
        await Run("incoming", "add", "--kind", "proposal", "--from", "市政协委员王丽", "--title", "关于增加校车线路的提案",
            "--received", "2018-03-05", waiting);
        var bundle = Path.Combine(_storage + "-out", "2018.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(bundle)!);
        var before = await Run("incoming", "list", "--year", "2018", "--json");
        Assert.Equal(0, (await Run("bundle", "export", "--year", "2018", "--out", bundle)).Exit);

        var other = _storage + "-other";
        try
        {
            async Task<(int Exit, string Out)> In(params string[] args)
            {
                var stdout = new StringWriter();
                var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(other)], stdout, new StringWriter(),
                    new StringReader(""), _clock);
                return (exit, stdout.ToString());
            }
            Assert.Equal(0, (await In("bundle", "import", bundle)).Exit);

            var after = await In("incoming", "list", "--year", "2018", "--json");
            Assert.Equal(before.Out, after.Out); // the same items, states and task codes
            using var json = JsonDocument.Parse(after.Out);
            Assert.Equal(["assigned", "registered"], json.RootElement.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("state").GetString()).Order());
            using var search = JsonDocument.Parse((await In("search", "校车线路", "--json")).Out);
            Assert.Equal(1, search.RootElement.GetProperty("total").GetInt32()); // the unassigned proposal's file came back
        }
        finally
        {
            if (Directory.Exists(other)) Directory.Delete(other, recursive: true);
            Directory.Delete(Path.GetDirectoryName(bundle)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("incoming", "add", "--kind", "letter", "--from", "x", "--title", "x", "--received", "2018-03-01")]
    [InlineData("incoming", "add", "--kind", "document", "--from", "x", "--title", "x", "--received", "2018/3/1")]
    [InlineData("incoming", "assign", "1")]
    public async Task Wrong_usage_exits_2_and_stores_nothing(params string[] args)
    {
        await Run("init");
        var (exit, _, _) = await Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(0, (await Item2()).GetArrayLength());
    }

    private async Task<JsonElement> Item2()
    {
        using var list = JsonDocument.Parse((await Run("incoming", "list", "--json")).Out);
        return list.RootElement.GetProperty("items").Clone();
    }
}
