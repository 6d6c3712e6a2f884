using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

public sealed class SelfCheckTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 28));
    private readonly KeyTask _ledger;
    private readonly KeyTask _archive;

    public SelfCheckTests()
    {
        _ledger = _world.Task("建立重点任务台账", _world.Office, new DateOnly(2018, 12, 31));
        _archive = _world.Task("建立佐证材料档案", _world.Office, new DateOnly(2018, 12, 31));
        _world.Task("推进课后服务全覆盖", _world.Basic, new DateOnly(2018, 12, 31));
    }

    private static List<SelfCheckRowInput> Rated(SelfCheck form, SelfRating rating) =>
        form.Rows.Select(r => new SelfCheckRowInput(r.TaskId, r.Progress.Length > 0 ? null : "本月按计划推进", null, null, rating)).ToList();

    [Fact]
    public async Task The_form_covers_every_task_of_the_department_pre_filled_from_the_months_progress()
    {
        await _world.Report(_ledger, new DateOnly(2018, 5, 30), "五月的进展不算六月");
        await _world.Report(_ledger, new DateOnly(2018, 6, 5), "台账初稿形成", problems: "部分处室报送滞后", next: "征求意见", completion: 30);
        await _world.Report(_ledger, new DateOnly(2018, 6, 20), "征求意见完毕", problems: "部分处室报送滞后", next: "6月底定稿", completion: 60);

        var form = _world.SelfChecks.Prepare(_world.Office.Id, 2018, 6);

        Assert.Equal(0, form.Id); // not stored until saved
        Assert.Equal([_ledger.Code, _archive.Code], form.Rows.Select(r => r.TaskCode));
        var ledger = form.Rows[0];
        Assert.Equal("6月5日：台账初稿形成\n6月20日：征求意见完毕", ledger.Progress);
        Assert.Equal("部分处室报送滞后", ledger.Problems);
        Assert.Equal("6月底定稿", ledger.NextSteps);
        Assert.Equal(60, ledger.Completion);
        Assert.Equal(2, ledger.EntriesInMonth);
        Assert.Equal(("", 0), (form.Rows[1].Progress, form.Rows[1].EntriesInMonth));
    }

    [Fact]
    public async Task A_submitted_form_is_locked_and_kept_as_submitted()
    {
        await _world.Report(_ledger, new DateOnly(2018, 6, 5), "台账初稿形成");
        var draft = _world.SelfChecks.Save(_world.Office.Id, 2018, 6,
            [new SelfCheckRowInput(_ledger.Id, null, null, "七月上线", SelfRating.Good)], "总体按计划推进", _world.OfficeClerk);
        Assert.Null(draft.SubmittedAt);

        var refused = Assert.Throws<DomainRuleException>(() => _world.SelfChecks.Submit(_world.Office.Id, 2018, 6, [], null, _world.OfficeClerk));
        Assert.Contains(_archive.Code, refused.Message); // the second task has neither progress nor a rating yet

        var submitted = _world.SelfChecks.Submit(_world.Office.Id, 2018, 6, Rated(draft, SelfRating.FairlyGood), null, _world.OfficeClerk);
        Assert.NotNull(submitted.SubmittedAt);
        Assert.Equal(_world.OfficeClerk.Name, submitted.SubmittedBy);

        var locked = Assert.Throws<DomainRuleException>(() => _world.SelfChecks.Save(_world.Office.Id, 2018, 6,
            [new SelfCheckRowInput(_ledger.Id, "改写", null, null, SelfRating.Poor)], null, Actor.Console()));
        Assert.Contains("已锁定", locked.Message);
        Assert.Throws<DomainRuleException>(() => _world.SelfChecks.Submit(_world.Office.Id, 2018, 6, [], null, _world.OfficeClerk));

        // Later progress and new tasks do not touch the submitted form, even after a restart.
        await _world.Report(_ledger, new DateOnly(2018, 6, 28), "六月最后一天的进展");
        _world.Task("月底新增的任务", _world.Office, new DateOnly(2018, 12, 31));
        _world.Storage.Reopen();
        var kept = new SelfCheckService(_world.Storage.Store, _world.Storage.Tasks,
            new ProgressLog(_world.Storage.Store, _world.Storage.Tasks, _world.Storage.Dossiers, _world.Clock,
                _world.Storage.Audit),
            _world.Storage.Directory, _world.Clock, _world.Storage.Reading, _world.Storage.Audit, _world.Kept)
            .Prepare(_world.Office.Id, 2018, 6);
        Assert.Equal(2, kept.Rows.Count);
        Assert.Equal("6月5日：台账初稿形成", kept.Rows[0].Progress);
        Assert.Equal((SelfRating.FairlyGood, "七月上线"), (kept.Rows[0].Rating, kept.Rows[0].NextSteps));
        Assert.Equal("总体按计划推进", kept.Summary);
    }

    [Fact]
    public void A_department_user_cannot_fill_another_departments_form_nor_a_leader_any()
    {
        Assert.Contains("不属于本处室", Assert.Throws<AccessDeniedException>(() =>
            _world.SelfChecks.Save(_world.Basic.Id, 2018, 6, [], "越权", _world.OfficeClerk)).Message);
        Assert.Throws<AccessDeniedException>(() => _world.SelfChecks.Save(_world.Office.Id, 2018, 6, [], "委领导", _world.LeaderActor));
        Assert.Null(_world.SelfChecks.Find(_world.Basic.Id, 2018, 6));
        Assert.True(_world.SelfChecks.MayFill(_world.OfficeClerk, _world.Office.Id, 2018, 6));
        Assert.False(_world.SelfChecks.MayFill(_world.OfficeClerk, _world.Basic.Id, 2018, 6));
    }

    [Fact]
    public void A_month_not_begun_cannot_be_submitted() =>
        Assert.Contains("尚未开始", Assert.Throws<DomainRuleException>(() =>
            _world.SelfChecks.Submit(_world.Office.Id, 2018, 7, [], null, _world.OfficeClerk)).Message);

    [Fact]
    public void The_overview_lists_each_department_with_tasks_and_its_forms_state()
    {
        var form = _world.SelfChecks.Prepare(_world.Office.Id, 2018, 6);
        _world.SelfChecks.Submit(_world.Office.Id, 2018, 6, Rated(form, SelfRating.Good), null, _world.OfficeClerk);

        var overview = _world.SelfChecks.Overview(2018, 6, Actor.Console());

        Assert.Equal(["办公室", "基础教育处"], overview.Select(o => o.Department.Name));
        Assert.NotNull(overview[0].Form?.SubmittedAt);
        Assert.Null(overview[1].Form);
    }

    [Fact]
    public async Task The_form_exports_as_a_valid_docx_and_an_xlsx_that_read_back()
    {
        await _world.Report(_ledger, new DateOnly(2018, 6, 5), "台账初稿形成", problems: "报送滞后", next: "七月上线", completion: 50);
        var form = _world.SelfChecks.Submit(_world.Office.Id, 2018, 6, Rated(_world.SelfChecks.Prepare(_world.Office.Id, 2018, 6), SelfRating.Good),
            "本月重点任务总体按计划推进", _world.OfficeClerk);

        var docx = new MemoryStream();
        _world.SelfChecks.WriteDocx(form, docx);
        var text = SupervisionWorld.ValidDocxText(docx);
        Assert.Contains("重点任务月度自查自评表", text);
        Assert.Contains("（2018年6月）", text);
        Assert.Contains("填报处室：办公室", text);
        Assert.Contains("6月5日：台账初稿形成", text);
        Assert.Contains("本月重点任务总体按计划推进", text);
        Assert.DoesNotContain("草稿", text);

        var xlsx = new MemoryStream();
        _world.SelfChecks.WriteXlsx(form, xlsx);
        xlsx.Position = 0;
        var rows = SheetReader.Read(xlsx, 100);
        Assert.Equal(["序号", "任务编号", "任务名称", "进展情况", "存在问题", "下一步措施", "完成程度", "自评等次"], rows[0].Cells.OrderBy(c => c.Key).Select(c => c.Value));
        Assert.Equal([_ledger.Code, "建立重点任务台账", "6月5日：台账初稿形成", "报送滞后", "七月上线", "50%", "好"],
            rows[1].Cells.OrderBy(c => c.Key).Skip(1).Select(c => c.Value));
        Assert.Contains(rows, r => r.Cells.Values.Any(v => v.StartsWith("已提交：", StringComparison.Ordinal)));
        Assert.Equal("办公室2018年6月自查自评表.docx", _world.SelfChecks.FileName(form, "docx"));
    }

    public void Dispose() => _world.Dispose();
}
