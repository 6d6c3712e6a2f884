using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Audit;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));

    private AuditLog Log => _storage.Audit;

    private async Task MakeSomeChanges()
    {
        var task = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立佐证材料档案", Target = "一事一档", Deadline = new DateOnly(2018, 6, 30) }, Actor.Console("张三"));
        _storage.Tasks.Adjust(task.Code, "一事一档，分类归档", new DateOnly(2018, 9, 30), [], new LeaderDecision
        {
            DecidedBy = "王建国", DecidedOn = new DateOnly(2018, 2, 28), Occasion = "主任办公会", Reason = "范围扩大",
        }, Actor.Console("李四"));
        await _storage.Dossiers.AddAsync(new MemoryStream("会议纪要正文"u8.ToArray()), "纪要.txt", [task.Code], null, Actor.Console("王五"));
        _storage.Accounts.Create("office", "办公室", "Tianjin-2018", Core.Accounts.UserRole.Admin);
        _storage.Accounts.SignIn("office", "wrong-password", "10.0.0.1");
    }

    [Fact]
    public async Task Every_change_is_recorded_with_who_what_and_the_chain_is_intact()
    {
        await MakeSomeChanges();

        var entries = Log.Find().OrderBy(e => e.Id).ToList();

        Assert.Equal(["task.created", "task.adjusted", "evidence.added", "account.created", "signin.failed"], entries.Select(e => e.Action));
        Assert.Equal("李四", entries[1].Who);
        Assert.Contains("王建国", entries[1].Details);
        Assert.Contains("目标任务：一事一档 → 一事一档，分类归档", entries[1].Details);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Empty(Log.Verify());
    }

    [Fact]
    public async Task An_edited_entry_is_detected()
    {
        await MakeSomeChanges();
        var entry = _storage.Store.Audit.FindById(2)!;
        entry.Who = "别人";
        _storage.Store.Audit.Update(entry);

        Assert.Contains("第 2 条记录的内容被改动过。", Log.Verify());
    }

    [Fact]
    public async Task A_deleted_entry_is_detected()
    {
        await MakeSomeChanges();
        _storage.Store.Audit.Delete(3);

        var problems = Log.Verify();

        Assert.Contains(problems, p => p.Contains("缺失"));
        Assert.Contains("第 4 条记录与前一条不衔接（前面的记录被删除或改动）。", problems);
    }

    [Fact]
    public async Task The_trail_can_be_filtered_by_who_and_action()
    {
        await MakeSomeChanges();
        Assert.Single(Log.Find(who: "王五"));
        Assert.Equal(2, Log.Find(action: "task.").Count);
    }

    public void Dispose() => _storage.Dispose();
}
