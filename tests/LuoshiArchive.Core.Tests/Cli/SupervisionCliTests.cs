using System.Text.Json;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class SupervisionCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 6, 15));

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr, new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A task with milestones 5 days overdue, due in 2, 6 and 20 days, written by Core, then the store closed.</summary>
    private void OneTaskWithMilestones()
    {
        using var store = TestDatabase.Open(_storage);
        var audit = TestAudit.For(store, _storage, _clock);
        var directory = new OrganisationDirectory(store, audit);
        var office = directory.SaveDepartment(new Department { Name = "办公室" });
        new TaskRegistry(store, directory, _clock, audit).Create(new TaskDraft
        {
            Code = "2018-007", Year = 2018, Name = "建立督办台账", LeadDepartmentId = office.Id, Status = KeyTaskStatus.InProgress,
            Deadline = new DateOnly(2018, 12, 31),
            Milestones =
            [
                new Milestone { Due = new DateOnly(2018, 6, 10), Description = "形成初稿" },
                new Milestone { Due = new DateOnly(2018, 6, 17), Description = "征求意见" },
                new Milestone { Due = new DateOnly(2018, 6, 21), Description = "修改完善" },
                new Milestone { Due = new DateOnly(2018, 7, 5), Description = "正式运行" },
            ],
        }, Actor.Console());
    }

    [Fact]
    public async Task Due_json_lists_what_is_coming_due_and_overdue_in_the_contract_shape()
    {
        OneTaskWithMilestones();

        var (exit, stdout, _) = await Run("supervision", "due", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["items"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["task", "what", "due", "state"], items[0].EnumerateObject().Select(p => p.Name).Take(4));
        Assert.Equal(
            [("2018-007", "形成初稿", "2018-06-10", "overdue"), ("2018-007", "征求意见", "2018-06-17", "coming"), ("2018-007", "修改完善", "2018-06-21", "coming")],
            items.Select(i => (i.GetProperty("task").GetString(), i.GetProperty("what").GetString(), i.GetProperty("due").GetString(), i.GetProperty("state").GetString())));
        Assert.Equal(-5, items[0].GetProperty("days").GetInt32());
        Assert.Equal("milestone", items[0].GetProperty("kind").GetString());
        Assert.Equal("办公室", items[0].GetProperty("department").GetString());
    }

    [Fact]
    public async Task Days_widens_the_window_and_plain_output_is_one_line_each()
    {
        OneTaskWithMilestones();

        var (exit, stdout, stderr) = await Run("supervision", "due", "--days", "30");

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("2018-007\t2018-06-10\t已逾期5天\t时间节点\t形成初稿", lines[0]);
        Assert.Contains("共 4 项，其中逾期 1 项", stderr);
    }

    [Fact]
    public async Task An_empty_store_has_nothing_due()
    {
        var (exit, stdout, _) = await Run("supervision", "due", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("{\"items\":[]}", stdout.Trim());
    }

    [Theory]
    [InlineData("supervision", "due", "--days", "x")]
    [InlineData("supervision", "due", "--days", "-1")]
    [InlineData("supervision", "due", "extra")]
    [InlineData("supervision", "due", "--weeks", "1")]
    public async Task Wrong_usage_exits_2(params string[] args) => Assert.Equal(2, (await Run(args)).Exit);

    public void Dispose()
    {
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }
}
