using System.Security.Cryptography;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Spreadsheets;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

/// <summary>
/// 对账 as a kept record: the office closes June, the rows, flags and XLSX are frozen, later task changes leave them as
/// they were, and each lead department answers its own rows (a 说明 for a flag) before the deadline or marked 逾期.
/// </summary>
public sealed class ClosedReconciliationTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 6, 5));
    private readonly KeyTask _ledger;
    private readonly KeyTask _survey;
    private readonly DateOnly _due = new(2018, 7, 10);

    public ClosedReconciliationTests()
    {
        _ledger = _world.Task("建立重点任务台账", _world.Office, new DateOnly(2018, 12, 31),
            (new DateOnly(2018, 6, 10), "形成初稿"));
        _survey = _world.Task("开展课后服务调研", _world.Basic, new DateOnly(2018, 12, 31));
    }

    private ReconciliationRecords Records => _world.ClosedReconciliations;

    private async Task<ClosedReconciliation> CloseJune()
    {
        await _world.Report(_ledger, new DateOnly(2018, 6, 5), "台账初稿起草中");
        _world.Clock.MoveTo(new DateOnly(2018, 7, 3));
        return Records.Close(ReportingPeriod.OfMonth(2018, 6), _due, _world.Supervisor);
    }

    [Fact]
    public async Task Closing_freezes_the_rows_flags_and_xlsx_and_later_task_changes_do_not_alter_them()
    {
        var june = await CloseJune();

        Assert.Equal(("2018-06", _due, "督查科李明"), (june.Key, june.AnswerDue, june.ClosedBy));
        var ledger = june.Rows.Single(r => r.TaskCode == _ledger.Code);
        Assert.Equal(["节点未按期完成：2018-06-10 形成初稿（未完成）"], ledger.Flags);
        Assert.Equal((1, "办公室"), (ledger.ProgressInPeriod, ledger.LeadDepartment));
        Assert.Equal(["本期无进展：从未报送"], june.Rows.Single(r => r.TaskCode == _survey.Code).Flags);
        var xlsx = Records.Xlsx(june);
        Assert.Equal((june.XlsxSha256, june.XlsxLength),
            (Convert.ToHexStringLower(SHA256.HashData(xlsx)), xlsx.LongLength));
        var cells = SheetReader.Read(new MemoryStream(xlsx), 100).SelectMany(r => r.Cells.Values).ToList();
        Assert.Contains(cells, c => c.Contains("2018年6月对账表") && c.Contains("答复期限 2018-07-10"));
        Assert.Contains("节点未按期完成：2018-06-10 形成初稿（未完成）", cells);

        // The milestone is done late and June gets more progress: the live reconciliation changes, the closed one not.
        await _world.Report(_ledger, new DateOnly(2018, 6, 20), "补报六月进展");
        await _world.Progress.CompleteMilestoneAsync(_ledger.Code, _ledger.Milestones[0].Id, [],
            [SupervisionWorld.File("台账初稿.txt", "重点任务台账初稿")], false, _world.OfficeClerk);
        var live = _world.Reconciliation.For(ReportingPeriod.OfMonth(2018, 6)).Rows
            .Single(r => r.Task.Code == _ledger.Code);
        Assert.Equal(2, live.ProgressInPeriod);
        _world.Storage.Reopen();

        var kept = _world.Storage.Store.Reconciliations.FindById(june.Id)!;
        var keptLedger = kept.Rows.Single(r => r.TaskCode == _ledger.Code);
        Assert.Equal(1, keptLedger.ProgressInPeriod);
        Assert.Equal(["节点未按期完成：2018-06-10 形成初稿（未完成）"], keptLedger.Flags);
        Assert.Equal(xlsx, Records.Xlsx(kept));
    }

    [Fact]
    public async Task A_period_closed_twice_or_not_yet_ended_is_refused_in_chinese_and_nothing_changes()
    {
        await CloseJune();

        var twice = Assert.Throws<DomainRuleException>(() => Records.Close(ReportingPeriod.OfMonth(2018, 6), _due,
            _world.Supervisor));
        Assert.Contains("2018年6月的对账已于 2018-07-03", twice.Message);
        Assert.Contains("不能重复关闭", twice.Message);
        var running = Assert.Throws<DomainRuleException>(() => Records.Close(ReportingPeriod.OfMonth(2018, 7), _due,
            _world.Supervisor));
        Assert.Contains("2018年7月尚未结束", running.Message);
        Assert.Throws<DomainRuleException>(() =>
            Records.Close(ReportingPeriod.OfQuarter(2018, 1), new DateOnly(2018, 7, 1), _world.Supervisor));
        Assert.Throws<AccessDeniedException>(() => Records.Close(ReportingPeriod.OfQuarter(2018, 1), _due,
            _world.BasicClerk));
        Assert.Equal(["2018-06"], _world.Storage.Store.Reconciliations.FindAll().Select(r => r.Key));

        // A quarter is a period of its own.
        var second = Records.Close(ReportingPeriod.OfQuarter(2018, 2), _due, _world.Supervisor);
        Assert.Equal(("2018-Q2", "2018年第二季度对账表.xlsx"), (second.Key, ReconciliationRecords.FileName(second)));
        Assert.Equal(["2018-Q2", "2018-06"], Records.List().Select(r => r.Key));
    }

    [Fact]
    public async Task A_department_answers_only_its_own_rows_a_flag_needs_an_explanation_and_late_answers_are_marked()
    {
        var june = await CloseJune();

        Assert.Equal([_survey.Code], Records.RowsFor(june, _world.BasicClerk).Select(r => r.TaskCode));
        Assert.Equal(2, Records.RowsFor(june, _world.Supervisor).Count);
        var bare = Assert.Throws<DomainRuleException>(() => Records.Answer(june.Id, _survey.Id, true, "",
            _world.BasicClerk));
        Assert.Contains("有问题标记，请填写说明", bare.Message);
        var foreign = Assert.Throws<AccessDeniedException>(() =>
            Records.Answer(june.Id, _survey.Id, false, "替基教处答复", _world.OfficeClerk));
        Assert.Contains("只能答复本处室牵头的任务", foreign.Message);
        Assert.Contains(_world.Storage.Audit.Find(action: "access.denied"), e => e.Who == _world.OfficeClerk.Name);

        var answered = Records.Answer(june.Id, _survey.Id, false, "调研方案6月底才批复，7月上旬开展", _world.BasicClerk);
        Assert.Equal((ReconciliationAnswerKind.Explained, false), (answered.Answer, answered.AnsweredLate));
        Assert.Throws<DomainRuleException>(() => Records.Answer(june.Id, _survey.Id, false, "再答一次", _world.BasicClerk));

        _world.Clock.MoveTo(new DateOnly(2018, 7, 11));
        var late = Records.Answer(june.Id, _ledger.Id, false, "初稿7月2日完成", _world.OfficeClerk);
        Assert.True(late.AnsweredLate);

        var stored = Records.Find(june.Id)!;
        Assert.Equal(2, stored.Answered);
        Assert.Equal("调研方案6月底才批复，7月上旬开展", stored.Rows.Single(r => r.TaskCode == _survey.Code).AnswerText);
        Assert.Contains(_world.Storage.Audit.Find(action: "reconciliation.explained"),
            e => e.Details == "初稿7月2日完成（逾期）");
    }

    [Fact]
    public async Task A_backup_restores_the_closed_reconciliation_with_its_xlsx_byte_for_byte()
    {
        var june = await CloseJune();
        var scratch = Directory.CreateTempSubdirectory("luoshi-closed-backup-").FullName;
        try
        {
            var file = Path.Combine(scratch, "backup.zip");
            StoreBackup.Create(_world.Storage.Store, file);
            var target = Path.Combine(scratch, "restored");
            string[] restore = ["restore", file, .. TestDatabase.StorageOptions(target)];
            Assert.Equal(0, await LuoshiArchive.Cli.LuoshiCli.RunAsync(restore,
                new StringWriter(), new StringWriter(), new StringReader("")));

            using var restored = TestDatabase.Open(target);
            var back = restored.Reconciliations.FindAll().Single();
            Assert.Equal((june.Key, june.XlsxSha256, june.Rows.Count), (back.Key, back.XlsxSha256, back.Rows.Count));
            Assert.Equal(Records.Xlsx(june), new KeptFiles(new BlobStore(target)).Read(back.XlsxSha256));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    public void Dispose() => _world.Dispose();
}
