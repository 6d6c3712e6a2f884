using LuoshiArchive.Cli;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// Decomposition from the shell: <c>luoshi tasks add --parent CODE</c> prints the child's code; the annual bundle
/// carries the parent links and <c>bundle import</c> restores them.
/// </summary>
public sealed class TasksTreeCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 3, 20));

    public void Dispose()
    {
        foreach (var folder in new[] { _storage, _storage + "-other", _storage + "-out" })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> Run(string storage, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(storage)], stdout, stderr,
            new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Dictionary<string, string?> ParentsIn(string storage)
    {
        using var store = TestDatabase.Open(storage);
        var tasks = store.Tasks.FindAll().ToList();
        var codes = tasks.ToDictionary(t => t.Id, t => t.Code);
        return tasks.ToDictionary(t => t.Code, t => t.ParentId is { } p ? codes[p] : null);
    }

    [Fact]
    public async Task A_child_added_from_the_command_line_comes_back_with_its_parent_after_a_bundle_round_trip()
    {
        await Run(_storage, "init", "--demo", "--tasks-only");
        using var list = System.Text.Json.JsonDocument.Parse((await Run(_storage, "tasks", "list", "--json")).Out);
        var open = list.RootElement.GetProperty("tasks").EnumerateArray().First(t =>
            t.GetProperty("status").GetString() == "InProgress" && t.GetProperty("deadline").GetString() is not null);
        var parent = open.GetProperty("code").GetString()!;
        var deadline = DateOnly.Parse(open.GetProperty("deadline").GetString()!);
        var child = await Run(_storage, "tasks", "add", "--parent", parent, "--name", "处室清单：汇总表样",
            "--department", open.GetProperty("leadDepartment").GetString()!, "--deadline", $"{deadline:yyyy-MM-dd}");
        Assert.True(child.Exit == 0, child.Err);
        Assert.Equal(parent + "-1", child.Out.Trim());
        var grandchild = await Run(_storage, "tasks", "add", "--parent", parent + "-1", "--name", "印发表样");
        Assert.Equal(parent + "-1-1", grandchild.Out.Trim());
        var late = await Run(_storage, "tasks", "add", "--parent", parent, "--name", "晚于上级",
            "--deadline", $"{deadline.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(1, late.Exit);
        Assert.Contains($"不能晚于上级任务“{parent}”的完成时限", late.Err);

        var bundle = Path.Combine(_storage + "-out", "2018.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(bundle)!);
        Assert.Equal(0, (await Run(_storage, "bundle", "export", "--year", "2018", "--out", bundle)).Exit);
        var before = ParentsIn(_storage);
        var imported = await Run(_storage + "-other", "bundle", "import", bundle);
        Assert.True(imported.Exit == 0, imported.Err);

        var after = ParentsIn(_storage + "-other");
        Assert.Equal(before.OrderBy(p => p.Key), after.OrderBy(p => p.Key));
        Assert.Equal(parent, after[parent + "-1"]);
        Assert.Equal(parent + "-1", after[parent + "-1-1"]);
    }
}
