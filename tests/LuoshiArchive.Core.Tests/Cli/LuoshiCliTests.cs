using System.Text.Json;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class LuoshiCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));

    private async Task<(int Exit, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr, new StringReader(stdin), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Init_demo_then_tasks_list_json_prints_the_demo_tasks_in_the_contract_shape()
    {
        var init = await Run("", "init", "--demo", "--tasks-only");
        Assert.Equal(0, init.Exit);
        Assert.Contains("30 项任务", init.Err);

        var (exit, stdout, _) = await Run("", "tasks", "list", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(30, tasks.Count);
        var first = tasks[0];
        Assert.Equal(["code", "name", "year", "listKind", "source", "leadDepartment", "deadline", "status", "light"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2018-001", first.GetProperty("code").GetString());
        Assert.Equal(2018, first.GetProperty("year").GetInt32());
        Assert.Equal("办公室", first.GetProperty("leadDepartment").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", first.GetProperty("deadline").GetString());
        var listKinds = tasks.Select(t => t.GetProperty("listKind").GetString()).ToHashSet();
        Assert.Equal(["Comprehensive", "Department", "LeaderLed", "MeetingDecided", "Special"], listKinds.Order());
        Assert.Equal(6, tasks.Select(t => t.GetProperty("source").GetString()).Distinct().Count());
        var lights = tasks.Select(t => t.GetProperty("light").GetString()).ToHashSet();
        Assert.Equal(["green", "red", "yellow"], lights.Order());
        Assert.Contains(tasks, t => t.GetProperty("status").GetString() == "Completed");
        Assert.Contains(tasks, t => t.GetProperty("leadDepartment").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Init_demo_twice_refuses_and_leaves_the_data_as_it_was()
    {
        await Run("", "init", "--demo", "--tasks-only");
        var before = (await Run("", "tasks", "list", "--json")).Out;

        var second = await Run("", "init", "--demo", "--tasks-only");

        Assert.Equal(1, second.Exit);
        Assert.Contains("只能载入空的数据目录", second.Err);
        Assert.Equal(before, (await Run("", "tasks", "list", "--json")).Out);
    }

    [Fact]
    public async Task Users_add_reads_the_password_from_stdin_and_refuses_a_weak_one()
    {
        var weak = await Run("1234\n", "users", "add", "--name", "office", "--role", "admin");
        Assert.Equal(1, weak.Exit);
        Assert.Contains("密码至少8位", weak.Err);

        var created = await Run("Tianjin-2018\n", "users", "add", "--name", "office", "--role", "admin", "--display-name", "办公室张三");
        Assert.Equal(0, created.Exit);
        Assert.DoesNotContain("Tianjin-2018", created.Out + created.Err);

        using var store = TestDatabase.Open(_storage);
        var account = new Core.Accounts.AccountService(store, _clock, TestAudit.For(store, _storage, _clock))
            .Verify("office", "Tianjin-2018");
        Assert.Equal(Core.Accounts.UserRole.Admin, account!.Role);
        Assert.Equal("办公室张三", account.DisplayName);
    }

    [Theory]
    [InlineData("tasks", "bogus")]
    [InlineData("tasks", "list", "--no-such-option")]
    [InlineData("users", "add", "--role", "admin")]
    [InlineData("users", "add", "--name", "x", "--role", "emperor")]
    [InlineData("tasks", "list", "--year", "twenty")]
    public async Task Wrong_usage_exits_with_2_and_says_what_is_wrong(params string[] args)
    {
        var (exit, stdout, stderr) = await Run("", args);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.NotEmpty(stderr);
    }

    [Fact]
    public async Task A_store_held_open_by_another_process_is_reported_not_waited_on()
    {
        using var holder = TestDatabase.OnPostgres ? TestDatabase.Open(_storage) : LiteDbStore.Open(_storage, "luoshi-web");

        var (exit, _, stderr) = await Run("", "tasks", "list");

        // The embedded store has one process at a time; PostgreSQL serves the web app and the CLI at once.
        Assert.Equal(TestDatabase.OnPostgres ? 0 : 1, exit);
        if (!TestDatabase.OnPostgres) Assert.Contains("storage is in use by luoshi-web", stderr);
    }

    [Fact]
    public async Task Export_then_import_into_another_store_gives_the_same_open_tasks_and_refuses_closed_ones()
    {
        await Run("", "init", "--demo", "--tasks-only");
        var file = Path.Combine(_storage, "一览表.xlsx");
        Assert.Equal(0, (await Run("", "tasks", "export", file)).Exit);
        var other = _storage + "-copy";
        try
        {
            // The demo has completed tasks: a spreadsheet row cannot carry a 办结 (its proof and confirmation).
            var stderr = new StringWriter();
            var import = await LuoshiCli.RunAsync(["tasks", "import", file, .. TestDatabase.StorageOptions(other)],
                new StringWriter(), stderr, new StringReader(""), _clock);
            Assert.Equal(1, import);
            Assert.Contains("「状态」：“已完成”不能通过导入设置", stderr.ToString());
            Assert.Contains("luoshi bundle export", stderr.ToString());
            var copied = new StringWriter();
            await LuoshiCli.RunAsync(["tasks", "list", "--json", .. TestDatabase.StorageOptions(other)], copied,
                new StringWriter(), new StringReader(""), _clock);
            Assert.DoesNotContain("2018-", copied.ToString()); // a file with any bad row imports nothing
        }
        finally
        {
            if (Directory.Exists(other)) Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public async Task Importing_a_missing_file_fails_with_a_message()
    {
        var (exit, _, stderr) = await Run("", "tasks", "import", "/no/such/file.xlsx");
        Assert.Equal(1, exit);
        Assert.Contains("找不到文件", stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }
}
