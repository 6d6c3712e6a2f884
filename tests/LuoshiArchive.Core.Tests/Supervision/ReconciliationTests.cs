using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

public sealed class ReconciliationTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 5, 20));
    private readonly KeyTask _ledger;
    private readonly KeyTask _archive;
    private readonly KeyTask _survey;

    public ReconciliationTests()
    {
        _ledger = _world.Task("建立重点任务台账", _world.Office, new DateOnly(2018, 12, 31),
            (new DateOnly(2018, 6, 10), "形成初稿"), (new DateOnly(2018, 6, 20), "征求意见"));
        _archive = _world.Task("建立佐证材料档案", _world.Office, new DateOnly(2018, 12, 31), (new DateOnly(2018, 6, 25), "分类整理"));
        _survey = _world.Task("开展课后服务调研", _world.Basic, new DateOnly(2018, 12, 31));
    }

    private async Task LiveThroughJune()
    {
        await _world.Report(_archive, new DateOnly(2018, 5, 20), "档案目录已拟定");
        _world.Clock.MoveTo(new DateOnly(2018, 6, 5));
        await _world.Report(_ledger, new DateOnly(2018, 6, 5), "台账初稿起草中");
        _world.Clock.MoveTo(new DateOnly(2018, 6, 8));
        await _world.Progress.CompleteMilestoneAsync(_ledger.Code, _ledger.Milestones[0].Id, [],
            [SupervisionWorld.File("台账初稿.txt", "重点任务台账初稿")], false, _world.OfficeClerk);
        Settled.As(_world.Storage.Store, _survey.Code, KeyTaskStatus.Completed);
        _world.Clock.MoveTo(new DateOnly(2018, 7, 2));
        await _world.Progress.CompleteMilestoneAsync(_archive.Code, _archive.Milestones[0].Id, [], [], evidenceToFollow: true, _world.OfficeClerk);
        _world.Clock.MoveTo(new DateOnly(2018, 7, 10));
    }

    [Fact]
    public async Task The_month_flags_no_progress_missed_milestones_and_missing_evidence()
    {
        await LiveThroughJune();

        var june = _world.Reconciliation.For(ReportingPeriod.OfMonth(2018, 6));

        Assert.False(june.InProgress);
        var ledger = june.Rows.Single(r => r.Task.Code == _ledger.Code);
        Assert.Equal((new DateOnly(2018, 6, 5), 1, 1), (ledger.LastProgress, ledger.ProgressInPeriod, ledger.EvidenceAdded));
        Assert.Equal(["形成初稿", "征求意见"], ledger.MilestonesDue.Select(m => m.Description));
        Assert.Equal(["节点未按期完成：2018-06-20 征求意见（未完成）"], ledger.Flags.Select(f => f.ToString()));

        var archive = june.Rows.Single(r => r.Task.Code == _archive.Code);
        Assert.Equal(new DateOnly(2018, 5, 20), archive.LastProgress);
        Assert.Equal(
            ["本期无进展：最近一次 2018-05-20", "节点未按期完成：2018-06-25 分类整理（2018-07-02 完成）", "缺佐证材料：2018-06-25 分类整理（佐证材料后补）"],
            archive.Flags.Select(f => f.ToString()));

        var survey = june.Rows.Single(r => r.Task.Code == _survey.Code);
        Assert.Equal(["缺佐证材料：任务已完成，档案中无佐证材料"], survey.Flags.Select(f => f.ToString()));

        Assert.Equal((1, 2, 2), (june.Flagged(ReconciliationFlagKind.NoProgress), june.Flagged(ReconciliationFlagKind.MilestoneMissed),
            june.Flagged(ReconciliationFlagKind.EvidenceMissing)));
    }

    [Fact]
    public async Task The_quarter_counts_the_whole_quarter_and_a_future_month_flags_nothing()
    {
        await LiveThroughJune();

        var second = _world.Reconciliation.For(ReportingPeriod.OfQuarter(2018, 2));
        var august = _world.Reconciliation.For(ReportingPeriod.OfMonth(2018, 8));

        Assert.Equal("2018年第二季度", second.Period.Label);
        Assert.False(second.Rows.Single(r => r.Task.Code == _archive.Code).Has(ReconciliationFlagKind.NoProgress));
        Assert.Equal(0, august.Flagged(ReconciliationFlagKind.NoProgress) + august.Flagged(ReconciliationFlagKind.MilestoneMissed));
        Assert.True(august.InProgress);
        Assert.Equal([_survey.Code], _world.Reconciliation.For(ReportingPeriod.OfMonth(2018, 6), departmentId: _world.Basic.Id).Rows.Select(r => r.Task.Code));
    }

    [Fact]
    public void A_task_put_on_the_list_after_the_period_is_not_reconciled_for_it()
    {
        _world.Clock.MoveTo(new DateOnly(2018, 7, 5));
        var late = _world.Storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "七月新增任务", LeadDepartmentId = _world.Office.Id }, Actor.Console());

        Assert.DoesNotContain(_world.Reconciliation.For(ReportingPeriod.OfMonth(2018, 6)).Rows, r => r.Task.Code == late.Code);
    }

    [Fact]
    public async Task The_reconciliation_exports_as_xlsx()
    {
        await LiveThroughJune();
        var xlsx = new MemoryStream();

        _world.Reconciliation.WriteXlsx(_world.Reconciliation.For(ReportingPeriod.OfMonth(2018, 6)), xlsx);

        xlsx.Position = 0;
        var rows = SheetReader.Read(xlsx, 100);
        Assert.Equal(4, rows.Count);
        Assert.Equal("问题标记", rows[0].Cells[11]);
        Assert.Contains("本期无进展", rows.Single(r => r.Cells.GetValueOrDefault(1) == _archive.Code).Cells[11]);
    }

    public void Dispose() => _world.Dispose();
}
