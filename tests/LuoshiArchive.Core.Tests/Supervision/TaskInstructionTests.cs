using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

/// <summary>
/// 批示 on a task: a leader account records its own 批示 only on tasks its person supervises (refused and audited
/// elsewhere); the office types in a paper 批示 under a registered leader's name; bad input changes nothing.
/// </summary>
public sealed class TaskInstructionTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 15));
    private readonly Person _other;
    private readonly KeyTask _own;
    private readonly KeyTask _foreign;

    public TaskInstructionTests()
    {
        _other = _world.Storage.Directory.SavePerson(
            new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader, Title = "副主任" });
        _own = _world.Task("推进课后服务全覆盖", _world.Basic, new DateOnly(2018, 12, 31));
        _foreign = _world.Task("建设智慧教育平台", _world.Office, new DateOnly(2018, 12, 31));
        var task = _world.Storage.Store.Tasks.FindById(_foreign.Id)!;
        task.SupervisingLeaderId = _other.Id;
        _world.Storage.Store.Tasks.Update(task);
    }

    public void Dispose() => _world.Dispose();

    private TaskRegistry Tasks => _world.Storage.Tasks;
    private int Denials => _world.Storage.Audit.Find(action: "access.denied").Count;
    private int Recorded => _world.Storage.Audit.Find(action: "task.instruction").Count;

    [Fact]
    public void A_leader_records_a_instruction_on_a_task_of_their_area_kept_in_its_history_and_audited()
    {
        Tasks.RecordInstruction(_own.Code, "  请加快进度，月底前报送情况。 ", new DateOnly(2018, 6, 14), _world.LeaderActor);

        var entry = Assert.Single(Tasks.Instructions(_own.Id));
        Assert.Equal(TaskChangeKind.Instruction, entry.Kind);
        Assert.Equal(("王建国", new DateOnly(2018, 6, 14), "请加快进度，月底前报送情况。"),
            (entry.Instruction!.Leader, entry.Instruction.On, entry.Instruction.Text));
        Assert.Equal(("委领导王建国", false), (entry.By, entry.Instruction.FromPaper));
        Assert.Equal(1, Recorded);
    }

    [Fact]
    public void A_leader_is_refused_on_another_leaders_task_and_an_unlinked_leader_on_any_audited_nothing_stored()
    {
        var refused = Assert.Throws<AccessDeniedException>(() =>
            Tasks.RecordInstruction(_foreign.Code, "请抓紧办理", new DateOnly(2018, 6, 14), _world.LeaderActor));
        Assert.Contains($"任务“{_foreign.Code}”不在您分管的范围内", refused.Message);
        // Naming another leader does not help a leader account: it speaks only for its own person.
        Assert.Throws<AccessDeniedException>(() =>
            Tasks.RecordInstruction(_foreign.Code, "请抓紧办理", new DateOnly(2018, 6, 14), _world.LeaderActor, _other.Id));
        var unlinked = Assert.Throws<AccessDeniedException>(() =>
            Tasks.RecordInstruction(_own.Code, "请抓紧办理", new DateOnly(2018, 6, 14), new Actor("委领导甲", UserRole.Leader)));
        Assert.Contains("尚未关联分管委领导", unlinked.Message);
        Assert.Throws<AccessDeniedException>(() =>
            Tasks.RecordInstruction(_own.Code, "请抓紧办理", new DateOnly(2018, 6, 14), _world.BasicClerk));

        Assert.Equal(4, Denials);
        Assert.Empty(Tasks.Instructions(_foreign.Id));
        Assert.Empty(Tasks.Instructions(_own.Id));
        Assert.Equal(0, Recorded);
    }

    [Fact]
    public void The_office_types_in_a_paper_instruction_under_a_registered_leaders_name()
    {
        Tasks.RecordInstruction(_foreign.Code, "同意", new DateOnly(2018, 6, 10), _world.Supervisor, _other.Id);

        var entry = Assert.Single(Tasks.Instructions(_foreign.Id));
        Assert.Equal(("李红梅", "督查科李明", true), (entry.Instruction!.Leader, entry.By, entry.Instruction.FromPaper));
        var notLeader = Assert.Throws<DomainRuleException>(() =>
            Tasks.RecordInstruction(_foreign.Code, "同意", new DateOnly(2018, 6, 10), _world.Supervisor));
        Assert.Equal("请选择作出批示的委领导。", notLeader.Message);
    }

    [Fact]
    public void Empty_text_and_a_future_date_are_refused_in_chinese_and_nothing_is_stored()
    {
        var empty = Assert.Throws<DomainRuleException>(() =>
            Tasks.RecordInstruction(_own.Code, "  ", new DateOnly(2018, 6, 14), _world.LeaderActor));
        Assert.Equal("请填写批示内容。", empty.Message);
        var future = Assert.Throws<DomainRuleException>(() =>
            Tasks.RecordInstruction(_own.Code, "请加快进度", new DateOnly(2018, 6, 16), _world.LeaderActor));
        Assert.Equal("批示日期不能晚于今天。", future.Message);

        Assert.Empty(Tasks.Instructions(_own.Id));
        Assert.Equal(0, Recorded);
    }
}
