using LuoshiArchive.Cli;
using LuoshiArchive.Core.PublicProgress;

namespace LuoshiArchive.Core.Tests.Cli;

/// <summary>
/// <c>luoshi tasks publish CODE --progress TEXT</c> and <c>luoshi tasks unpublish CODE</c>: the contract of issue
/// 23, with
/// its messages, exit codes (0, 1 a fixable refusal, 2 usage) and nothing stored on a refusal.
/// </summary>
public sealed class TasksPublishCliTests : IDisposable
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "luoshi-cli-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new(new DateOnly(2018, 3, 20));

    public void Dispose()
    {
        TestDatabase.Drop(_storage);
        if (Directory.Exists(_storage)) Directory.Delete(_storage, recursive: true);
        File.Delete(new LuoshiOptions { StoragePath = _storage }.AuditKeyFile);
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await LuoshiCli.RunAsync([.. args, .. TestDatabase.StorageOptions(_storage)], stdout, stderr,
            new StringReader(""), _clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private IReadOnlyList<PublicItem> Public()
    {
        using var store = TestDatabase.Open(_storage);
        return new PublicCatalogue(store).Latest();
    }

    [Fact]
    public async Task Publish_marks_a_task_public_again_rewords_it_and_unpublish_takes_it_off()
    {
        Assert.Equal(0, (await Run("init", "--demo")).Exit);
        var before = Public().Select(i => i.Code).ToList();

        var published = await Run("tasks", "publish", "2018-003", "--progress", "已完成方案起草，正在征求意见。");
        Assert.True(published.Exit == 0, published.Err);
        Assert.Contains("任务 2018-003 已向社会公布（2018-03-20）", published.Err);
        var item = Public().Single(i => i.Code == "2018-003");
        Assert.Equal(("已完成方案起草，正在征求意见。", new DateOnly(2018, 3, 20)), (item.Progress, item.ProgressDate));

        var reworded = await Run("tasks", "publish", "2018-003", "--progress", "方案已印发。");
        Assert.Equal((0, "已修改任务 2018-003 的公开进展（2018-03-20）。"), (reworded.Exit, reworded.Err.Trim()));
        Assert.Equal("方案已印发。", Public().Single(i => i.Code == "2018-003").Progress);

        var off = await Run("tasks", "unpublish", "2018-003");
        Assert.Equal((0, "任务 2018-003 已取消向社会公布。"), (off.Exit, off.Err.Trim()));
        Assert.Equal(before, Public().Select(i => i.Code).ToList());
    }

    [Fact]
    public async Task Refusals_say_why_in_chinese_with_exit_1_or_2_and_store_nothing()
    {
        Assert.Equal(0, (await Run("init", "--demo")).Exit);
        Assert.Equal(0, (await Run("tasks", "publish", "2018-003", "--progress", "公开的进展")).Exit);
        Assert.Equal(0, (await Run("tasks", "publish", "2018-005", "--progress", "另一项")).Exit);
        Assert.Equal(0, (await Run("tasks", "unpublish", "2018-005")).Exit);
        var before = Public();

        var unknown = await Run("tasks", "publish", "2099-001", "--progress", "文字");
        Assert.Equal((1, "任务“2099-001”不存在。"), (unknown.Exit, unknown.Err.Trim()));
        var empty = await Run("tasks", "publish", "2018-003", "--progress", "  ");
        Assert.Equal((1, "请填写向社会公布的进展情况（公开进展不能为空）。未做修改。"), (empty.Exit, empty.Err.Trim()));
        var notPublic = await Run("tasks", "unpublish", "2018-005");
        Assert.Equal((1, "任务“2018-005”未向社会公布，无需取消。"), (notPublic.Exit, notPublic.Err.Trim()));
        var unknownOff = await Run("tasks", "unpublish", "2099-001");
        Assert.Equal((1, "任务“2099-001”不存在。"), (unknownOff.Exit, unknownOff.Err.Trim()));

        var missing = await Run("tasks", "publish", "2018-003");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("缺少必需的选项 --progress", missing.Err);
        Assert.Equal(2, (await Run("tasks", "unpublish")).Exit);
        Assert.Equal(2, (await Run("tasks", "publish", "--progress", "没有编号")).Exit);

        Assert.Equal(before, Public());
    }
}
