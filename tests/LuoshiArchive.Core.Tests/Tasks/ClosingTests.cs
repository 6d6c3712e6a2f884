using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

/// <summary>
/// 办结 and 撤销 under control: a task leaves the open lists only through its own rules (leader decision for 撤销/暂缓/
/// 恢复, proof and the head's confirmation for 办结, the office to reopen); any other attempt is refused and audited.
/// </summary>
public sealed class ClosingTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 7, 10));
    private readonly Department _basic;
    private readonly KeyTask _task;
    private readonly Actor _clerk;
    private readonly Actor _office = new("督查督办刘敏", UserRole.OfficeSupervisor);
    private readonly Actor _leader = new("委领导王建国", UserRole.Leader);

    public ClosingTests()
    {
        _basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        _storage.Directory.SavePerson(new Person { Name = "赵志强", Role = PersonRole.Head, DepartmentId = _basic.Id });
        _storage.Directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        _clerk = new Actor("基教处李晓梅", UserRole.DepartmentUser, _basic.Id);
        _task = _storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "推进学区化办学", LeadDepartmentId = _basic.Id, Deadline = new DateOnly(2018, 6, 30),
            Status = KeyTaskStatus.InProgress,
        }, Actor.Console());
    }

    public void Dispose() => _storage.Dispose();

    private static LeaderDecision Decision() => new()
    {
        DecidedBy = "王建国", DecidedOn = new DateOnly(2018, 7, 5), Occasion = "2018年第9次主任办公会", Reason = "上级政策调整",
    };

    private KeyTaskStatus Stored => _storage.Tasks.Find(_task.Code)!.Status;

    private IReadOnlyList<Core.Audit.AuditEntry> Denials() =>
        _storage.Audit.Find(action: "access.denied");

    [Fact]
    public void A_department_user_cannot_cancel_its_overdue_task_through_the_edit_even_with_a_decision_typed_in()
    {
        var draft = TaskDraft.From(_task);
        draft.Status = KeyTaskStatus.Cancelled;

        var edit = Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Update(_task.Code, draft, _clerk));
        var direct = Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Cancel(_task.Code, Decision(), _clerk));
        var pause = Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Pause(_task.Code, Decision(), _clerk));

        Assert.Contains("撤销或暂缓须有委领导的研究决定", edit.Message);
        Assert.Contains("无权撤销任务", direct.Message);
        Assert.Contains("无权暂缓任务", pause.Message);
        Assert.Equal(KeyTaskStatus.InProgress, Stored);
        Assert.True(_storage.Tasks.List(new TaskFilter()).Single().Light == TrafficLight.Red);
        Assert.Equal(3, Denials().Count(d => d.Subject == $"任务 {_task.Code}" && d.Who == _clerk.Name));
        Assert.Single(_storage.Tasks.History(_task.Id)); // only its creation
    }

    [Fact]
    public void The_office_cannot_set_a_status_by_editing_or_creating_either()
    {
        var draft = TaskDraft.From(_task);
        draft.Status = KeyTaskStatus.Completed;
        Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Update(_task.Code, draft, _office));
        draft.Code = null;
        draft.Status = KeyTaskStatus.Paused;
        var created = Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Create(draft, _office));
        Assert.Contains("不能将任务设为“暂缓”", created.Message);
        Assert.Single(_storage.Tasks.List(new TaskFilter()));
        Assert.Equal(2, Denials().Count);
    }

    [Fact]
    public void Cancel_and_pause_need_a_complete_leader_decision_which_the_history_keeps()
    {
        var refused = Assert.Throws<DomainRuleException>(() =>
            _storage.Tasks.Pause(_task.Code, new LeaderDecision { DecidedBy = "王建国" }, _leader));
        Assert.Contains("暂缓依据不完整，缺少：决定日期、会议或批示、调整理由", refused.Message);
        Assert.Equal(KeyTaskStatus.InProgress, Stored);

        _storage.Tasks.Pause(_task.Code, Decision(), _leader);
        Assert.Equal(TrafficLight.Green, _storage.Tasks.List(new TaskFilter()).Single().Light);
        _storage.Tasks.Resume(_task.Code, Decision(), _office);
        Assert.Equal(TrafficLight.Red, _storage.Tasks.List(new TaskFilter()).Single().Light);
        _storage.Tasks.Cancel(_task.Code, Decision(), _office);

        Assert.Equal(KeyTaskStatus.Cancelled, Stored);
        var history = _storage.Tasks.History(_task.Id);
        Assert.Equal([TaskChangeKind.Cancelled, TaskChangeKind.Resumed, TaskChangeKind.Paused, TaskChangeKind.Created],
            history.Select(h => h.Kind));
        Assert.Equal("2018年第9次主任办公会", history[0].Decision!.Occasion);
        var audit = _storage.Audit.Find(action: "task.cancelled").Single();
        Assert.Contains("状态：推进中 → 已撤销；依据：王建国 2018-07-05 2018年第9次主任办公会", audit.Details);
    }

    [Fact]
    public void Completion_needs_proof_or_evidence_to_follow_and_the_lead_department_heads_confirmation()
    {
        var noProof = new TaskClosure { ConfirmedBy = "赵志强", ConfirmedOn = new DateOnly(2018, 7, 9) };
        Assert.Contains("佐证材料后补", Assert.Throws<DomainRuleException>(() => _storage.Tasks.Complete(_task.Code, noProof, _clerk)).Message);
        var notHead = new TaskClosure { EvidenceToFollow = true, ConfirmedBy = "李晓梅", ConfirmedOn = new DateOnly(2018, 7, 9) };
        Assert.Contains("不是牵头处室的主要负责人（赵志强）",
            Assert.Throws<DomainRuleException>(() => _storage.Tasks.Complete(_task.Code, notHead, _clerk)).Message);
        var other = new Actor("办公室用户", UserRole.DepartmentUser, _storage.Directory.SaveDepartment(new Department { Name = "办公室" }).Id);
        var toFollow = new TaskClosure { EvidenceToFollow = true, ConfirmedBy = "赵志强", ConfirmedOn = new DateOnly(2018, 7, 9) };
        Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Complete(_task.Code, toFollow, other));
        Assert.Equal(KeyTaskStatus.InProgress, Stored);

        _storage.Tasks.Complete(_task.Code, toFollow, _clerk);

        var done = _storage.Tasks.Find(_task.Code)!;
        Assert.Equal(KeyTaskStatus.Completed, done.Status);
        Assert.Equal(("赵志强", true, _clerk.Name), (done.Closure!.ConfirmedBy, done.Closure.EvidenceToFollow, done.Closure.RecordedBy));
        Assert.Contains("佐证材料后补；牵头处室主要负责人 赵志强 2018-07-09 确认",
            _storage.Tasks.History(done.Id)[0].Changes.Single(c => c.Field == "依据").After);
    }

    [Fact]
    public void Only_the_office_reopens_a_completed_task_with_a_reason()
    {
        _storage.Tasks.Complete(_task.Code,
            new TaskClosure { EvidenceToFollow = true, ConfirmedBy = "赵志强", ConfirmedOn = new DateOnly(2018, 7, 9) }, _clerk);

        var refused = Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Reopen(_task.Code, "成果未达标", _clerk));
        Assert.Contains("只能由办公室重新打开", refused.Message);
        Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Reopen(_task.Code, "成果未达标", _leader));
        Assert.Throws<DomainRuleException>(() => _storage.Tasks.Reopen(_task.Code, " ", _office));
        Assert.Equal(KeyTaskStatus.Completed, Stored);

        _storage.Tasks.Reopen(_task.Code, "督查发现成果未达标", _office);

        var reopened = _storage.Tasks.Find(_task.Code)!;
        Assert.Equal((KeyTaskStatus.InProgress, (TaskClosure?)null), (reopened.Status, reopened.Closure));
        Assert.Equal(TaskChangeKind.Reopened, _storage.Tasks.History(reopened.Id)[0].Kind);
    }
}
