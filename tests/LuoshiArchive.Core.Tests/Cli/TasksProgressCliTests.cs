using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// <c>luoshi tasks progress CODE --text TEXT [--date YYYY-MM-DD] [--as USER]</c>: a progress report from the shell,
/// under the rules of the web page (a department user reports only on tasks their department concerns).
/// </summary>
public sealed class TasksProgressCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 3, 20));

    public void Dispose()
    {
        TestDatabase.Drop(_storage);
        if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr,
            new StringReader(stdin), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private List<(string Text, DateOnly Date, string By)> Reports(string code)
    {
        using var store = TestDatabase.Open(_storage);
        return store.Progress.Find(e => e.TaskCode == code).OrderBy(e => e.Id).Select(e => (e.Text, e.Date, e.RecordedBy)).ToList();
    }

    [Fact]
    public async Task Progress_is_recorded_from_the_shell_as_the_console_or_as_an_account_under_its_rights()
    {
        Assert.Equal(0, (await Run("", "init", "--demo", "--tasks-only")).Exit);
        string lead, other;
        using (var store = TestDatabase.Open(_storage))
        {
            var task = store.Tasks.FindOne(t => t.Code == "2018-001")!;
            lead = store.Departments.FindById(task.LeadDepartmentId!.Value)!.Name;
            other = store.Departments.FindAll().First(d => d.Id != task.LeadDepartmentId
                && !task.CooperatingDepartmentIds.Contains(d.Id)).Name;
        }
        var before = Reports("2018-001").Count;

        var console = await Run("", "tasks", "progress", "2018-001", "--text", "已完成方案起草", "--date", "2018-03-15");
        Assert.True(console.Exit == 0, console.Err);
        Assert.Contains("已报送任务 2018-001 的进展", console.Err);
        Assert.Equal(("已完成方案起草", new DateOnly(2018, 3, 15), "命令行"), Reports("2018-001")[^1]);

        Assert.Equal(0, (await Run("Luoshi-2018!\n", "users", "add", "--name", "own", "--role", "department",
            "--department", lead)).Exit);
        Assert.Equal(0, (await Run("Luoshi-2018!\n", "users", "add", "--name", "stranger", "--role", "department",
            "--department", other)).Exit);
        var own = await Run("", "tasks", "progress", "2018-001", "--text", "已征求意见", "--as", "own"); // today
        Assert.True(own.Exit == 0, own.Err);
        Assert.Equal(("已征求意见", new DateOnly(2018, 3, 20), "own"), Reports("2018-001")[^1]);

        // Refused with the reason, nothing recorded: another department's task, an unknown account, bad usage.
        var stranger = await Run("", "tasks", "progress", "2018-001", "--text", "越权报送", "--as", "stranger");
        Assert.Equal(1, stranger.Exit);
        Assert.Contains("无权", stranger.Err);
        var nobody = await Run("", "tasks", "progress", "2018-001", "--text", "无此人", "--as", "nobody");
        Assert.Equal((1, "账号“nobody”不存在或已停用。"), (nobody.Exit, nobody.Err.Trim()));
        Assert.Equal(2, (await Run("", "tasks", "progress", "2018-001", "--text", "日期错", "--date", "2018-13-01")).Exit);
        Assert.Equal(2, (await Run("", "tasks", "progress", "2018-001")).Exit);
        Assert.Equal(before + 2, Reports("2018-001").Count);
    }
}
