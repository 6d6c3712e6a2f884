using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Supervision;

public sealed class LeaderReportTests : IDisposable
{
    private readonly SupervisionWorld _world = new(new DateOnly(2018, 5, 10));
    private readonly KeyTask _ledger;
    private readonly KeyTask _survey;

    public LeaderReportTests()
    {
        _ledger = _world.Task("建立重点任务台账", _world.Office, new DateOnly(2018, 12, 31), (new DateOnly(2018, 6, 10), "形成初稿"));
        _survey = _world.Task("开展课后服务调研", _world.Basic, new DateOnly(2018, 6, 1));
    }

    private async Task LiveTheQuarter()
    {
        await _world.Report(_ledger, new DateOnly(2018, 5, 10), "台账初稿起草", problems: "个别处室报送滞后", next: "征求各处室意见");
        _world.Clock.MoveTo(new DateOnly(2018, 6, 20));
        await _world.Report(_ledger, new DateOnly(2018, 6, 20), "台账定稿", completion: 80);
        _world.Clock.MoveTo(new DateOnly(2018, 7, 5));
        var form = _world.SelfChecks.Prepare(_world.Office.Id, 2018, 6);
        _world.SelfChecks.Submit(_world.Office.Id, 2018, 6,
            form.Rows.Select(r => new SelfCheckRowInput(r.TaskId, null, null, null, SelfRating.Good)).ToList(), null, _world.OfficeClerk);
    }

    [Fact]
    public async Task The_quarterly_report_is_compiled_from_the_quarters_progress_problems_next_steps_and_self_checks()
    {
        await LiveTheQuarter();

        var report = _world.LeaderReports.Compile(_world.Leader.Id, 2018, 2);

        Assert.Equal("关于2018年第二季度分管重点任务落实情况的报告", report.Title);
        var progress = report.Progress.Split('\n');
        Assert.StartsWith("本季度分管重点任务2项，其中已完成0项、推进中2项、未启动0项；截至2018年6月30日，逾期未完成1项。本季度到期时间节点1个，按期完成0个。", progress[0]);
        Assert.Equal("（一）建立重点任务台账（办公室牵头）：台账定稿（完成约80%）", progress[1]);
        Assert.Equal("（二）开展课后服务调研（基础教育处牵头）：本季度未报送进展。", progress[2]);
        Assert.Contains("建立重点任务台账：个别处室报送滞后", report.Problems);
        Assert.Contains("开展课后服务调研：已超过完成时限（2018-06-01）尚未完成。", report.Problems);
        Assert.Contains("建立重点任务台账：“形成初稿”节点（2018-06-10）未按期完成。", report.Problems);
        Assert.Equal("建立重点任务台账：征求各处室意见", report.Proposals);
        Assert.Equal(("6月 好", ""), (report.Tasks[0].Ratings, report.Tasks[1].Ratings));
    }

    [Fact]
    public async Task The_leader_edits_and_saves_it_and_a_department_user_may_not()
    {
        await LiveTheQuarter();
        Assert.Throws<AccessDeniedException>(() => _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "标题", "", "", "", _world.OfficeClerk));

        _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "关于第二季度重点任务的报告", "台账已定稿。\n调研正在收尾。", "调研逾期。", "下季度完成调研。", _world.LeaderActor);

        var saved = _world.LeaderReports.Current(_world.Leader.Id, 2018, 2);
        Assert.Equal(("关于第二季度重点任务的报告", "调研逾期。", _world.LeaderActor.Name), (saved.Title, saved.Problems, saved.SavedBy));
        Assert.Equal(2, saved.Tasks.Count);
        Assert.Single(_world.Storage.Audit.Find(action: "leaderreport.saved"));
        _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "再次修改", "", "", "", _world.Supervisor);
        Assert.Equal(1, _world.Storage.Store.LeaderReports.Count());
    }

    [Fact]
    public async Task Another_leader_and_an_unlinked_leader_account_may_not_write_the_leaders_report()
    {
        await LiveTheQuarter();
        var other = _world.Storage.Directory.SavePerson(new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader });
        _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "王建国的报告", "进展。", "", "", _world.LeaderActor);

        var li = new Actor("委领导李红梅", UserRole.Leader, Account: "lihongmei", PersonId: other.Id);
        var denied = Assert.Throws<AccessDeniedException>(
            () => _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "改写", "", "", "", li));
        Assert.Equal("您只能查看和编写本人的季度报告：这是王建国的季度报告。", denied.Message);
        var unlinked = new Actor("委领导", UserRole.Leader, Account: "leader");
        Assert.Contains("尚未关联分管委领导", Assert.Throws<AccessDeniedException>(
            () => _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "改写", "", "", "", unlinked)).Message);

        Assert.Equal("王建国的报告", _world.LeaderReports.Current(_world.Leader.Id, 2018, 2).Title);
        Assert.Equal(2, _world.Storage.Audit.Find(action: "access.denied").Count(e => e.Subject.StartsWith("季度报告 王建国", StringComparison.Ordinal)));
        _world.LeaderReports.Save(other.Id, 2018, 2, "李红梅的报告", "", "", "", li); // her own
    }

    [Fact]
    public async Task The_report_exports_as_a_valid_gbt9704_docx()
    {
        await LiveTheQuarter();
        var report = _world.LeaderReports.Save(_world.Leader.Id, 2018, 2, "关于2018年第二季度分管重点任务落实情况的报告",
            "台账已定稿。", "调研逾期。", "下季度完成调研。", _world.LeaderActor);
        var docx = new MemoryStream();

        _world.LeaderReports.WriteDocx(report, docx);

        var text = SupervisionWorld.ValidDocxText(docx);
        Assert.StartsWith("关于2018年第二季度分管重点任务落实情况的报告\n\n委主要负责同志：", text);
        Assert.Contains("一、工作进展\n台账已定稿。\n二、存在的问题\n调研逾期。\n三、下一步工作打算及建议\n下季度完成调研。", text);
        Assert.Contains("王建国\n2018年7月5日", text);
        Assert.Contains("附件：分管重点任务落实情况表", text);
        Assert.Contains("台账定稿（完成约80%）", text);
    }

    public void Dispose() => _world.Dispose();
}
