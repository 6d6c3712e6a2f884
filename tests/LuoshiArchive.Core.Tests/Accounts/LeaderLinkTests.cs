using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Accounts;

/// <summary>A leader account linked to its 分管委领导: what <see cref="LeaderArea"/> and the quarterly report rely on.</summary>
public sealed class LeaderLinkTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 3, 1));

    [Fact]
    public void A_leader_account_is_linked_to_one_supervising_leader_and_its_area_follows_from_the_tasks()
    {
        var wang = _storage.Directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        var li = _storage.Directory.SavePerson(new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader });
        var staff = _storage.Directory.SavePerson(new Person { Name = "孙丽娜", Role = PersonRole.Staff });
        var his = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "台账", SupervisingLeaderId = wang.Id }, Actor.Console());
        var hers = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "调研", SupervisingLeaderId = li.Id }, Actor.Console());

        var account = _storage.Accounts.Create("wang", "王建国", "Tianjin-2018", UserRole.Leader, personId: wang.Id);
        var actor = Actor.For(account);
        Assert.Equal((wang.Id, "wang"), (actor.PersonId!.Value, actor.Account));
        Assert.True(LeaderArea.Covers(actor, his));
        Assert.False(LeaderArea.Covers(actor, hers));
        Assert.Equal([his.Code], LeaderArea.TasksOf(_storage.Tasks, actor, 2018).Select(i => i.Task.Code));

        Assert.Contains("已关联账户“wang”", Assert.Throws<DomainRuleException>(() =>
            _storage.Accounts.Create("wang2", "王", "Tianjin-2018", UserRole.Leader, personId: wang.Id)).Message);
        Assert.Contains("不是分管委领导", Assert.Throws<DomainRuleException>(() =>
            _storage.Accounts.Create("sun", "孙", "Tianjin-2018", UserRole.Leader, personId: staff.Id)).Message);
        Assert.Contains("只有委领导账户", Assert.Throws<DomainRuleException>(() =>
            _storage.Accounts.Create("ins", "督查", "Tianjin-2018", UserRole.Inspector, personId: li.Id)).Message);
        Assert.Null(_storage.Accounts.Find("wang2"));

        var stamp = account.SecurityStamp;
        var relinked = _storage.Accounts.LinkPerson("wang", li.Id, Actor.Console());
        Assert.Equal(li.Id, relinked.PersonId);
        Assert.NotEqual(stamp, relinked.SecurityStamp); // sessions with the old link end
        _storage.Accounts.Change("wang", UserRole.Inspector, null, "", Actor.Console());
        Assert.Null(_storage.Accounts.Find("wang")!.PersonId); // only a leader account is linked
        Assert.Empty(LeaderArea.TasksOf(_storage.Tasks, Actor.For(_storage.Accounts.Find("wang")!), 2018));
    }

    public void Dispose() => _storage.Dispose();
}
