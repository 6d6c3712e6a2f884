using LuoshiArchive.Core.Audit;

namespace LuoshiArchive.Core.Tests.Audit;

/// <summary>
/// The chain holds on a store nobody touched: an entry whose text the store trims, and several writers at once, each
/// recording inside its own transaction (as a task change and its entry are written together), leave no break.
/// </summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));

    private AuditLog Log => _storage.Audit;

    [Fact]
    public void An_entry_whose_text_ends_in_a_space_verifies()
    {
        Log.Record("张三", "evidence.added", "材料 1", "重复上传：已在档案中 ");
        Log.Record("张三", "document.issued", " 未关联任务的公文 ", "");

        Assert.Empty(Log.Verify());
    }

    [Fact]
    public void A_change_rolled_back_after_recording_leaves_no_entry_and_no_gap()
    {
        Log.Record("张三", "task.created", "任务 1");
        Assert.Throws<DomainRuleException>(() => _storage.Store.InTransaction(() =>
        {
            Log.Record("张三", "task.adjusted", "任务 1");
            throw new DomainRuleException("调整缺少领导决定");
        }));
        Log.Record("张三", "task.adjusted", "任务 1", "附领导决定");

        Assert.Empty(Log.Verify());
        Assert.Equal([1, 2], _storage.Store.Audit.FindAll().Select(e => e.Id));
        Assert.Equal(["task.created", "task.adjusted"], _storage.Store.Audit.FindAll().Select(e => e.Action));
    }

    [Fact]
    public async Task Writers_recording_inside_their_own_transactions_at_once_leave_an_unbroken_chain()
    {
        const int writers = 4, rounds = 25;
        var work = Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < rounds; i++)
            {
                _storage.Store.InTransaction(() =>
                {
                    Log.Record($"写入者{w}", "progress.added", $"任务 {i}", $"第 {i} 次进展");
                    Thread.Sleep(1);
                    Log.Record($"写入者{w}", "evidence.added", $"材料 {i}", "随进展上传");
                });
                Log.Record($"写入者{w}", "signin.failed", "登录", "密码错误");
            }
        })).ToArray();

        var all = Task.WhenAll(work);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromMinutes(2))));
        await all;
        Assert.Equal(writers * rounds * 3, _storage.Store.Audit.Count());
        Assert.Empty(Log.Verify());
    }

    public void Dispose() => _storage.Dispose();
}
