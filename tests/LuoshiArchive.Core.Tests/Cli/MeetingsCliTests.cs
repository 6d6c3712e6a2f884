using System.Text.Json;
using LuoshiArchive.Cli;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class MeetingsCliTests : IDisposable
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

    [Fact]
    public async Task A_meeting_is_added_its_minutes_filed_in_three_dossiers_and_listed()
    {
        await Run("init", "--demo", "--tasks-only");
        var added = await Run("meetings", "add", "--kind", "DirectorsOffice", "--date", "2018-03-20", "--title", "主任办公会",
            "--task", "2018-001", "--task", "2018-002");
        Assert.Equal(0, added.Exit);
        var id = added.Out.Trim();
        Assert.Matches(@"^\d+$", id);
        var minutes = Path.Combine(_storage, "纪要.txt");
        File.WriteAllText(minutes, "主任办公会纪要\n会议研究了重点任务分解和一览表制作。\n2018年3月20日");

        var attach = await Run("minutes", "attach", minutes, "--meeting", id, "--task", "2018-005");

        Assert.Equal(0, attach.Exit);
        Assert.Contains("2018-001、2018-002、2018-005", attach.Err);
        using var list = JsonDocument.Parse((await Run("meetings", "list", "--year", "2018", "--json")).Out);
        var meeting = list.RootElement.GetProperty("meetings")[0];
        Assert.Equal(["id", "kind", "date", "title", "tasks"], meeting.EnumerateObject().Select(p => p.Name));
        Assert.Equal("DirectorsOffice", meeting.GetProperty("kind").GetString());
        Assert.Equal(["2018-001", "2018-002", "2018-005"], meeting.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()));
        using var search = JsonDocument.Parse((await Run("search", "一览表制作", "--json")).Out);
        Assert.Equal(3, search.RootElement.GetProperty("hits")[0].GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task Cadence_lists_the_missing_meetings_as_json()
    {
        await Run("meetings", "add", "--kind", "MonthlyPush", "--date", "2018-01-25", "--title", "一月推动会");

        var (exit, stdout, _) = await Run("meetings", "cadence", "--year", "2018", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("annualDeployment").GetBoolean());
        Assert.Equal([2, 3, 4, 5], json.RootElement.GetProperty("monthsWithoutPushMeeting").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal([1], json.RootElement.GetProperty("quartersWithoutDispatchMeeting").EnumerateArray().Select(m => m.GetInt32()));
    }

    [Theory]
    [InlineData("meetings", "add", "--kind", "Banquet", "--date", "2018-01-01", "--title", "x")]
    [InlineData("meetings", "add", "--kind", "Special", "--date", "2018/1/1", "--title", "x")]
    [InlineData("meetings", "cadence")]
    [InlineData("minutes", "attach", "x.txt")]
    public async Task Wrong_usage_exits_2(params string[] args) => Assert.Equal(2, (await Run(args)).Exit);

    public void Dispose()
    {
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }
}
