using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

/// <summary>
/// A leader account speaks for its person: it issues 督办单 and records 批示 only on tasks that person supervises, and
/// opens only its own quarterly report; outside its area it is refused with the reason (audited). The office still does
/// all of it, including typing in a paper 批示 under a leader's name.
/// </summary>
public sealed class LeaderAreaTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 15));
    private readonly Person _other;
    private readonly KeyTask _own;
    private readonly KeyTask _foreign;

    public LeaderAreaTests()
    {
        _other = _world.Storage.Directory.SavePerson(new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader, Title = "副主任" });
        _own = _world.Task("推进课后服务全覆盖", _world.Basic, new DateOnly(2018, 12, 31));
        _foreign = _world.Task("建设智慧教育平台", _world.Office, new DateOnly(2018, 12, 31));
        var task = _world.Storage.Store.Tasks.FindById(_foreign.Id)!;
        task.SupervisingLeaderId = _other.Id;
        _world.Storage.Store.Tasks.Update(task);
    }

    public void Dispose() => _world.Dispose();

    private SupervisionOrder Order(KeyTask task, Actor actor) => _world.Supervision.Issue(new SupervisionOrderDraft
    {
        TaskCode = task.Code, What = "报送推进情况", Due = new DateOnly(2018, 6, 25),
    }, actor);

    private int Denials => _world.Storage.Audit.Find(action: "access.denied").Count;

    [Fact]
    public void A_leader_issues_orders_only_on_tasks_of_their_area_and_the_office_on_any()
    {
        var mine = Order(_own, _world.LeaderActor);
        Assert.Equal(("委领导王建国", _own.Id), (mine.IssuedBy, mine.TaskId));

        var refused = Assert.Throws<AccessDeniedException>(() => Order(_foreign, _world.LeaderActor));
        Assert.Contains($"任务“{_foreign.Code}”不在您分管的范围内", refused.Message);
        var unlinked = Assert.Throws<AccessDeniedException>(() => Order(_own, new Actor("委领导甲", UserRole.Leader)));
        Assert.Contains("尚未关联分管委领导", unlinked.Message);
        Assert.Equal(2, Denials);
        Assert.Equal([mine.Id], _world.Supervision.List().Select(o => o.Id));

        Order(_foreign, _world.Supervisor);
        Assert.Equal(2, _world.Supervision.List().Count);
    }

    [Fact]
    public async Task A_leader_instructs_only_on_received_items_assigned_to_their_area_the_office_types_in_any()
    {
        var register = _world.Storage.Incoming;
        var office = new Actor("办公室张三", UserRole.Admin);
        var item = await register.RegisterAsync(new IncomingDraft
        {
            Kind = IncomingKind.Assignment, From = "市政府办公厅", Title = "关于智慧教育平台的交办单", Received = new DateOnly(2018, 6, 1),
        }, null, null, office);
        register.Assign(item.Id, [_foreign.Code], office);

        var refused = Assert.Throws<AccessDeniedException>(() =>
            register.Instruct(item.Id, "", new DateOnly(2018, 6, 2), "请抓紧办理", _world.LeaderActor));
        Assert.Contains("不在您分管的范围内", refused.Message);
        Assert.Null(register.Find(item.Id)!.Instruction);
        Assert.Equal(1, Denials);

        var otherLeader = new Actor("委领导李红梅", UserRole.Leader, Account: "lihongmei", PersonId: _other.Id);
        Assert.Equal("委领导李红梅", register.Instruct(item.Id, "", new DateOnly(2018, 6, 2), "请抓紧办理", otherLeader).Instruction!.By);
        // The office types in a paper 批示 under a registered leader's name, whoever's area it is.
        Assert.Equal("王建国", register.Instruct(item.Id, "王建国", new DateOnly(2018, 6, 3), "同意", office).Instruction!.By);
    }

    [Fact]
    public void A_leader_opens_only_their_own_quarterly_report()
    {
        var otherLeader = new Actor("委领导李红梅", UserRole.Leader, Account: "lihongmei", PersonId: _other.Id);
        _world.LeaderReports.DemandOwnReport(_world.LeaderActor, _world.Leader.Id, 2018, 2);
        var refused = Assert.Throws<AccessDeniedException>(() => _world.LeaderReports.DemandOwnReport(otherLeader, _world.Leader.Id, 2018, 2));
        Assert.Contains("这是王建国的季度报告", refused.Message);
        Assert.Throws<AccessDeniedException>(() =>
            _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "季度报告", "", "", "", otherLeader));
        _world.LeaderReports.DemandOwnReport(_world.Supervisor, _world.Leader.Id, 2018, 2);
        Assert.Equal(2, Denials);
    }
}
