using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Incoming;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Tests.Supervision;

namespace LuoshiArchive.Core.Tests.Incoming;

/// <summary>
/// The 收文 and 批示 register on a real store, index and dossier: register → 拟办 → 批示 → 交办 → task → 办结 → 答复;
/// a 建议提案 past its three months shows in 催办 and on the dashboard.
/// </summary>
public sealed class IncomingRegisterTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 3, 1));
    private readonly Actor _office = new("督查督办刘敏", UserRole.OfficeSupervisor);
    private IncomingRegister Register => _world.Storage.Incoming;

    public IncomingRegisterTests() =>
        _world.Storage.Directory.SavePerson(new Person { Name = "赵志强", Role = PersonRole.Head, DepartmentId = _world.Basic.Id });

    public void Dispose() => _world.Dispose();

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private Task<IncomingItem> Proposal() => Register.RegisterAsync(new IncomingDraft
    {
        Kind = IncomingKind.Proposal, From = "市政协委员张华", Number = "第0123号", Title = "关于推进课后服务的提案",
        Received = new DateOnly(2018, 2, 26),
    }, Text("建议扩大课后服务覆盖面，解决家长接送难题。"), "提案.txt", _office);

    [Fact]
    public async Task A_proposal_goes_from_registration_to_its_reply_and_each_step_shows_in_its_state()
    {
        var item = await Proposal();
        Assert.Equal((IncomingState.Registered, new DateOnly(2018, 5, 26)), (item.StateOn(Register.Today), item.Deadline));
        Assert.Single(_world.Storage.Dossiers.Search(new SearchQuery("家长接送")).Hits); // the file is searchable

        Register.Propose(item.Id, "拟请基础教育处牵头办理，报王建国同志阅示。", _office);
        Assert.Equal(IncomingState.Proposed, Register.Find(item.Id)!.StateOn(Register.Today));
        var typedIn = Register.Instruct(item.Id, "王建国", new DateOnly(2018, 2, 28), "请基教处认真研究，按时答复。", _office);
        Assert.Equal(("王建国", _office.Name), (typedIn.Instruction!.By, typedIn.Instruction.RecordedBy));
        Assert.Equal(IncomingState.Instructed, typedIn.StateOn(Register.Today));

        var task = Register.AssignNewTask(item.Id, "办理市政协第0123号提案", _world.Basic.Id, null, _office);

        Assert.Equal((TaskSource.Proposal, new DateOnly(2018, 5, 26)), (task.Source, task.Deadline));
        Assert.Contains("市政协委员张华 第0123号《关于推进课后服务的提案》", task.SourceDetail);
        Assert.Contains("批示：王建国 2018-02-28：请基教处认真研究，按时答复。", task.Remarks);
        Assert.Equal(IncomingState.Assigned, Register.Find(item.Id)!.StateOn(Register.Today));
        Assert.Single(_world.Storage.Dossiers.DossierOf(task.Id)); // the proposal itself, in the task's dossier

        var early = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Register.CloseAsync(item.Id, "已答复", Text("答复"), "答复.txt", new DateOnly(2018, 3, 1), _office));
        Assert.Contains($"尚未全部办结（{task.Code}）", early.Message);
        _world.Storage.Tasks.Complete(task.Code,
            new TaskClosure { EvidenceToFollow = true, ConfirmedBy = "赵志强", ConfirmedOn = new DateOnly(2018, 3, 1) },
            _world.BasicClerk);
        var noReply = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Register.CloseAsync(item.Id, "已答复", null, null, null, _office));
        Assert.Contains("政协提案办结须上传答复件并填写答复日期", noReply.Message);

        var done = await Register.CloseAsync(item.Id, "已答复委员，委员表示满意", Text("关于第0123号提案的答复：课后服务已覆盖全市。"),
            "答复.txt", new DateOnly(2018, 3, 1), _office);

        Assert.Equal((IncomingState.Done, new DateOnly(2018, 3, 1)), (done.StateOn(Register.Today), done.RepliedOn));
        Assert.Equal(2, Register.DossierOf(done).Count);
        Assert.Equal(2, _world.Storage.Dossiers.DossierOf(task.Id).Count); // the reply is in the task's dossier too
    }

    [Fact]
    public async Task A_proposal_past_its_three_months_shows_in_reminders_and_on_the_dashboard()
    {
        var item = await Proposal();
        _world.Clock.MoveTo(new DateOnly(2018, 5, 28));

        var reminder = Assert.Single(_world.Reminders.Due(), r => r.Kind == ReminderKind.Incoming);
        Assert.Equal((item.Id, -2, "/Incoming/" + item.Id), (reminder.IncomingId!.Value, reminder.DaysLeft, reminder.Path));
        Assert.Equal(IncomingState.Overdue, Register.Find(item.Id)!.StateOn(Register.Today));
        var figures = _world.Dashboard.For(2018, _office);
        Assert.Equal(1, figures.Incoming[IncomingState.Overdue]);
        // A department user sees it once it is assigned to their department's task.
        Assert.DoesNotContain(_world.Reminders.Due(actor: _world.BasicClerk), r => r.Kind == ReminderKind.Incoming);
        Register.AssignNewTask(item.Id, "", _world.Basic.Id, new DateOnly(2018, 6, 30), _office);
        Assert.Contains(_world.Reminders.Due(actor: _world.BasicClerk), r => r.Kind == ReminderKind.Incoming);
    }

    [Fact]
    public async Task Only_the_office_registers_and_assigns_and_a_department_user_cannot_record_an_instruction()
    {
        var draft = new IncomingDraft
        {
            Kind = IncomingKind.Document, From = "市教育两委", Title = "关于做好春季开学工作的通知", Received = new DateOnly(2018, 2, 20),
        };
        await Assert.ThrowsAsync<AccessDeniedException>(() => Register.RegisterAsync(draft, null, null, _world.BasicClerk));
        var item = await Register.RegisterAsync(draft, null, null, _office);
        Assert.Null(item.Deadline);

        var refused = Assert.Throws<AccessDeniedException>(() =>
            Register.Instruct(item.Id, "王建国", new DateOnly(2018, 2, 21), "同意", _world.BasicClerk));
        Assert.Contains("批示由委领导本人记录", refused.Message);
        var leader = new Actor("王建国", UserRole.Leader);
        Assert.Equal("王建国", Register.Instruct(item.Id, "别人", new DateOnly(2018, 2, 21), "同意", leader).Instruction!.By);
        Assert.Throws<AccessDeniedException>(() => Register.Assign(item.Id, ["2018-001"], leader));
        Assert.Contains("不存在", Assert.Throws<DomainRuleException>(() => Register.Assign(item.Id, ["2018-999"], _office)).Message);
        var bad = await Assert.ThrowsAsync<DomainRuleException>(() => Register.RegisterAsync(
            new IncomingDraft { Kind = IncomingKind.Feedback, Received = new DateOnly(2018, 2, 20), Deadline = new DateOnly(2018, 1, 1) },
            null, null, _office));
        Assert.Equal("请填写来文单位；请填写标题；办结时限不能早于收文日期。", bad.Message);
        Assert.Single(Register.List(null, _office));
    }
}
