using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

public sealed class ProgressLogTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 15));
    private readonly KeyTask _officeTask;
    private readonly KeyTask _basicTask;

    public ProgressLogTests()
    {
        _officeTask = _world.Task("建立重点任务台账", _world.Office, new DateOnly(2018, 12, 31),
            (new DateOnly(2018, 6, 30), "形成台账初稿"), (new DateOnly(2018, 9, 30), "全面运行"));
        _basicTask = _world.Task("推进课后服务全覆盖", _world.Basic, new DateOnly(2018, 12, 31));
    }

    [Fact]
    public async Task A_progress_entry_files_its_evidence_in_the_dossier_and_becomes_the_tasks_progress_summary()
    {
        var entry = await _world.Report(_officeTask, new DateOnly(2018, 6, 12), "台账初稿已形成，征求各处室意见", problems: "个别处室报送滞后",
            next: "6月底前定稿", completion: 40, files: SupervisionWorld.File("台账初稿说明.txt", "重点任务台账初稿说明，共列任务三十项。"));

        var stored = Assert.Single(_world.Progress.Of(_officeTask.Id));
        Assert.Equal(entry.Id, stored.Id);
        Assert.Equal(40, stored.Completion);
        Assert.Equal(_world.Office.Id, stored.DepartmentId);
        var evidence = Assert.Single(_world.Storage.Dossiers.DossierOf(_officeTask.Id));
        Assert.Equal([evidence.Id], stored.EvidenceIds);
        Assert.Equal(Core.Dossiers.EvidenceKind.ProcessRecord, evidence.Kind);
        Assert.Single(_world.Storage.Dossiers.Search(new SearchQuery("台账初稿说明")).Hits);
        var task = _world.Storage.Tasks.Find(_officeTask.Code)!;
        Assert.Equal("2018-06-12：台账初稿已形成，征求各处室意见", task.ProgressSummary);
        Assert.Contains(_world.Storage.Tasks.History(task.Id), h => h.Changes.Any(c => c.Field == "进展情况"));
    }

    [Fact]
    public async Task A_department_user_cannot_file_progress_on_another_departments_task_and_nothing_is_stored()
    {
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Report(_basicTask, new DateOnly(2018, 6, 12), "越权填报", actor: _world.OfficeClerk,
                files: SupervisionWorld.File("越权.txt", "不该保存的材料")));

        Assert.Contains("不属于本处室", refused.Message);
        Assert.Empty(_world.Progress.Of(_basicTask.Id));
        Assert.Equal(0, _world.Storage.Store.Evidence.Count());
        Assert.Contains(_world.Storage.Audit.Find(action: "access.denied"), e => e.Who == _world.OfficeClerk.Name);
    }

    [Fact]
    public async Task A_cooperating_department_reports_its_part_without_rewriting_the_lead_departments_summary()
    {
        var draft = TaskDraft.From(_officeTask);
        draft.CooperatingDepartmentIds = [_world.Basic.Id];
        _world.Storage.Tasks.Update(_officeTask.Code, draft, Actor.Console());

        await _world.Report(_officeTask, new DateOnly(2018, 6, 10), "基教处已报送本处室任务", actor: _world.BasicClerk);

        Assert.Equal(_world.Basic.Id, Assert.Single(_world.Progress.Of(_officeTask.Id)).DepartmentId);
        Assert.Equal("", _world.Storage.Tasks.Find(_officeTask.Code)!.ProgressSummary);
    }

    [Theory]
    [InlineData("2018-06-16", "进展", null, "不能晚于今天")]
    [InlineData("2018-06-10", " ", null, "请填写进展情况")]
    [InlineData("2018-06-10", "进展", 120, "0至100")]
    public async Task Bad_entries_are_refused_with_the_reason(string date, string text, int? completion, string reason)
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _world.Report(_officeTask, DateOnly.Parse(date), text, completion: completion));
        Assert.Contains(reason, refused.Message);
        Assert.Empty(_world.Progress.Of(_officeTask.Id));
    }

    [Fact]
    public async Task A_milestone_is_done_with_the_evidence_that_proves_it()
    {
        var milestone = _officeTask.Milestones[0];

        await _world.Progress.CompleteMilestoneAsync(_officeTask.Code, milestone.Id, [],
            [SupervisionWorld.File("台账初稿.txt", "重点任务台账初稿，2018年6月。")], evidenceToFollow: false, _world.OfficeClerk);

        var done = _world.Storage.Tasks.Find(_officeTask.Code)!.Milestones[0];
        Assert.True(done.Done);
        Assert.False(done.AwaitsEvidence);
        Assert.Equal("台账初稿.txt", Assert.Single(_world.Progress.ProofOf(done)).OriginalFileName);
    }

    [Fact]
    public async Task Marking_a_milestone_done_without_proof_or_the_to_follow_flag_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _world.Progress.CompleteMilestoneAsync(_officeTask.Code, _officeTask.Milestones[0].Id, [], [], evidenceToFollow: false, _world.OfficeClerk));
        Assert.Contains("佐证材料后补", refused.Message);
        Assert.False(_world.Storage.Tasks.Find(_officeTask.Code)!.Milestones[0].Done);
    }

    [Fact]
    public async Task Evidence_to_follow_stays_flagged_until_it_is_supplied()
    {
        var id = _officeTask.Milestones[0].Id;
        await _world.Progress.CompleteMilestoneAsync(_officeTask.Code, id, [], [], evidenceToFollow: true, _world.OfficeClerk);
        var awaiting = _world.Storage.Tasks.Find(_officeTask.Code)!.Milestones[0];
        Assert.True(awaiting is { Done: true, EvidenceToFollow: true, AwaitsEvidence: true });

        _world.Clock.MoveTo(new DateOnly(2018, 7, 20));
        Assert.True(_world.Storage.Tasks.Find(_officeTask.Code)!.Milestones[0].AwaitsEvidence); // still flagged weeks later
        await _world.Progress.CompleteMilestoneAsync(_officeTask.Code, id, [],
            [SupervisionWorld.File("台账定稿.txt", "重点任务台账定稿。")], evidenceToFollow: false, _world.OfficeClerk);

        var supplied = _world.Storage.Tasks.Find(_officeTask.Code)!.Milestones[0];
        Assert.True(supplied is { Done: true, EvidenceToFollow: false, AwaitsEvidence: false });
        Assert.Equal(new DateOnly(2018, 6, 15), supplied.DoneOn); // the day it was done, not the day the proof came
    }

    [Fact]
    public void Evidence_named_as_proof_must_be_in_the_tasks_own_dossier() =>
        Assert.Contains("不在任务", Assert.Throws<DomainRuleException>(() =>
            _world.Storage.Tasks.MarkMilestone(_officeTask.Code, _officeTask.Milestones[0].Id, true, Actor.Console(), MilestoneProof.By(999))).Message);

    [Fact]
    public void A_milestone_edit_keeps_its_completion_and_proof()
    {
        _world.Storage.Tasks.MarkMilestone(_officeTask.Code, _officeTask.Milestones[0].Id, true, Actor.Console(), MilestoneProof.ToFollow);
        var draft = TaskDraft.From(_world.Storage.Tasks.Find(_officeTask.Code)!);
        draft.Remarks = "补充备注";
        // The edit form sends the schedule back as dates and texts only.
        draft.Milestones = draft.Milestones.Select(m => new Milestone { Due = m.Due, Description = m.Description }).ToList();

        _world.Storage.Tasks.Update(_officeTask.Code, draft, Actor.Console());

        Assert.True(_world.Storage.Tasks.Find(_officeTask.Code)!.Milestones[0] is { Done: true, EvidenceToFollow: true });
    }

    public void Dispose() => _world.Dispose();
}
