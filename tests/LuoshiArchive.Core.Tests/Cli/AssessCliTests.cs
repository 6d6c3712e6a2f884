using System.Text.Json;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Tests.Assessment;

namespace LuoshiArchive.Core.Tests.Cli;

public sealed class AssessCliTests : IDisposable
{
    private readonly AssessmentWorld _world = new AssessmentWorld().WithKnownYear();

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        _world.Storage.Close();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_world.Storage.Path)], stdout, stderr, new StringReader(""), _world.Clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Assess_json_prints_every_departments_score_and_rank_in_the_contract_shape()
    {
        var (exit, stdout, _) = await Run("assess", "--year", "2018", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["departments", "tasks"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var departments = json.RootElement.GetProperty("departments").EnumerateArray().ToList();
        Assert.Equal(["name", "score", "rank"], departments[0].EnumerateObject().Select(p => p.Name).Take(3));
        Assert.Equal(
            [("办公室", 96.31m, 1), ("体卫艺处", 92m, 2), ("高等教育处", 92m, 2), ("基础教育处", 64.19m, 4)],
            departments.Select(d => (d.GetProperty("name").GetString()!, d.GetProperty("score").GetDecimal(), d.GetProperty("rank").GetInt32())));
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(6, tasks.Count);
        var failing = tasks.Single(t => t.GetProperty("code").GetString() == "2018-003");
        Assert.Equal(51m, failing.GetProperty("score").GetDecimal());
        Assert.Equal("Pass", failing.GetProperty("rating").GetString());
        Assert.True(failing.GetProperty("failing").GetBoolean());
    }

    [Fact]
    public async Task Assess_prints_one_line_per_department_and_requires_a_year()
    {
        var (exit, stdout, stderr) = await Run("assess", "--year", "2018");
        Assert.Equal(0, exit);
        Assert.Equal(["1\t办公室\t96.31", "2\t体卫艺处\t92.00", "2\t高等教育处\t92.00", "4\t基础教育处\t64.19"],
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("6 项任务，4 个处室", stderr);

        var (usage, _, _) = await Run("assess");
        Assert.Equal(2, usage);
    }

    public void Dispose() => _world.Dispose();
}
