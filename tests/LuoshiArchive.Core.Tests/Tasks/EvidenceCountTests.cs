using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

/// <summary>
/// The task list's evidence counts are kept between requests: every change to a dossier must show in the next list,
/// whichever way it was made (filed, filed again into another task, re-uploaded, removed, restored, in a transaction).
/// </summary>
public sealed class EvidenceCountTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 6, 15));

    public void Dispose() => _storage.Dispose();

    private int CountOf(KeyTask task) => _storage.Tasks.List(new TaskFilter { Year = 2018 }).Single(i => i.Task.Id == task.Id).EvidenceCount;

    [Fact]
    public async Task Every_change_to_a_dossier_shows_in_the_next_task_list()
    {
        var a = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "师德师风建设" }, Actor.Console());
        var b = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "课后服务" }, Actor.Console());
        Assert.Equal(0, CountOf(a)); // counted and kept

        var plan = await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("师德师风专项整治工作方案")), "方案.txt", [a.Code], null, Actor.Console());
        Assert.Equal(1, CountOf(a));

        _storage.Dossiers.FileInto(plan.Evidence.Id, b.Code, Actor.Console());
        Assert.Equal(1, CountOf(b));

        await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("课后服务经费保障情况")), "经费.txt", [b.Code], null, Actor.Console());
        Assert.Equal(2, CountOf(b));

        _storage.Dossiers.Remove(plan.Evidence.Id, "误传", Actor.Console());
        Assert.Equal(0, CountOf(a));
        Assert.Equal(1, CountOf(b));

        _storage.Dossiers.Restore(plan.Evidence.Id, new Actor("管理员", UserRole.Admin));
        Assert.Equal(1, CountOf(a));

        _storage.Dossiers.Remove(plan.Evidence.Id, "误传", Actor.Console());
        await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("师德师风专项整治工作方案")), "方案副本.txt", [a.Code], null, Actor.Console());
        Assert.Equal(1, CountOf(a)); // the same bytes again bring the removed piece back

        _storage.Store.InTransaction(() => _storage.Dossiers.Remove(plan.Evidence.Id, "再次误传", Actor.Console()));
        Assert.Equal(0, CountOf(a));
    }
}
