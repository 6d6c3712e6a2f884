using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Assessment;

public sealed class AssessmentScoringTests : IDisposable
{
    private readonly AssessmentWorld _world = new AssessmentWorld().WithKnownYear();

    [Fact]
    public void A_year_with_known_milestones_delays_and_ratings_yields_the_expected_scores()
    {
        var result = _world.Service.Result(2018);

        Assert.Equal(new DateOnly(2018, 12, 31), result.AsOf);
        Assert.Equal(
            [("2018-001", 100m, 1.8m), ("2018-002", 88m, 0.8m), ("2018-003", 51m, 1.56m), ("2018-004", 105m, 0.5041m),
             ("2018-005", 92m, 1.32m), ("2018-007", 92m, 0.8m)],
            result.Tasks.Select(t => (t.Code, t.Score, t.Weight)));
        var late = result.Tasks.Single(t => t.Code == "2018-002");
        Assert.Equal((56m, 32m, 0m), (late.TimelinessPoints, late.ResultPoints, late.AdjustmentPoints));
        var failing = result.Tasks.Single(t => t.Code == "2018-003");
        Assert.Equal((40m, 24m, -13m), (failing.TimelinessPoints, failing.ResultPoints, failing.AdjustmentPoints));
        Assert.True(failing.Failing);
        Assert.Equal(["基础教育处张某：诫勉谈话（津教委〔2018〕41号） 2018-12-20"], failing.Accountability);
    }

    [Fact]
    public void Departments_are_ranked_by_weighted_average_and_equal_scores_share_a_rank()
    {
        var result = _world.Service.Result(2018);

        Assert.Equal(
            [("办公室", 96.31m, 1), ("体卫艺处", 92m, 2), ("高等教育处", 92m, 2), ("基础教育处", 64.19m, 4)],
            result.Departments.Select(d => (d.Name, d.Score, d.Rank)));
        Assert.Equal(1, result.Departments.Single(d => d.Name == "基础教育处").AccountabilityCount);
        Assert.Equal([("李红梅", 94.50m, 3), ("王建国", 79.32m, 3)], result.Leaders.Select(l => (l.Leader, l.Score, l.TaskCount)));
    }

    [Fact]
    public void Each_score_explains_its_nodes_delays_rating_and_adjustments()
    {
        var lines = _world.Service.Result(2018).Tasks.Single(t => t.Code == "2018-003").Explanation;

        Assert.Equal("权重：全委综合重点任务清单 1.2 × 市委市政府部署 1.3 = 1.56", lines[0]);
        Assert.Equal("时效：3 个节点参与考核，每个 20.00 分", lines[1]);
        Assert.Equal("· 2018-04-30 节点1：按时完成（2018-04-28） +20.00", lines[2]);
        Assert.Equal("· 2018-08-31 节点2：截至 2018-12-31 逾期 123 天未完成，每周扣 2.00 分 × 18 周，扣 20.00 +0.00", lines[3]);
        Assert.Contains("完成效果：合格（委领导王建国 2019-01-10 评定）+24.00", lines);
        Assert.Contains("加减分：批评，第三季度调度会通报批评（津教委〔2018〕30号） -3.00", lines);
        Assert.Equal("得分：时效 40.00 + 完成效果 24.00 + 加减分 -13.00 = 51.00", lines[^1]);
        var late = _world.Service.Result(2018).Tasks.Single(t => t.Code == "2018-002").Explanation;
        Assert.Contains("· 2018-05-31 节点1：逾期 10 天完成（2018-06-10），每周扣 2.00 分 × 2 周，扣 4.00 +26.00", late);
    }

    [Fact]
    public void A_task_added_during_the_year_weighs_by_the_share_of_the_year_left()
    {
        var added = _world.Service.Result(2018).Tasks.Single(t => t.Code == "2018-004");

        Assert.Equal(184m / 365m, added.ProRate);
        Assert.Equal(0.5041m, added.Weight);
        Assert.Contains("年中新增折算 184/365（2018-07-01 列入清单）", added.Explanation[0]);
    }

    [Fact]
    public void Pro_rating_counts_both_ends_and_leap_years()
    {
        var task = new KeyTask { Year = 2020, AddedOn = new DateOnly(2020, 3, 1) };
        Assert.Equal((306, 366), TaskScoring.ProRateDays(task));
        task.AddedOn = new DateOnly(2019, 11, 20);
        Assert.Equal((366, 366), TaskScoring.ProRateDays(task));
        task.AddedOn = new DateOnly(2020, 12, 31);
        Assert.Equal((1, 366), TaskScoring.ProRateDays(task));
    }

    [Fact]
    public void Quarterly_results_judge_the_nodes_due_by_the_quarters_end()
    {
        var second = _world.Service.Compute(2018, quarter: 2);

        Assert.Equal(new DateOnly(2018, 6, 30), second.AsOf);
        Assert.DoesNotContain(second.Tasks, t => t.Code == "2018-004"); // added in July
        var late = second.Tasks.Single(t => t.Code == "2018-002");
        Assert.Equal((1, 1), (late.NodesLate, late.NodesPending));
        Assert.Equal(56m, late.TimelinessPoints); // the one judged node (60 points), 10 days late: −4
    }

    [Fact]
    public void Department_users_may_not_rate_results_and_the_refusal_is_audited()
    {
        var clerk = new Actor("基教处卫芳", UserRole.DepartmentUser, _world.Basic.Id);

        Assert.Throws<AccessDeniedException>(() => _world.Records.Rate("2018-003", ResultLevel.Excellent, null, clerk));
        Assert.Throws<AccessDeniedException>(() => _world.Records.Adjust("2018-003", AdjustmentKind.Commended, 5, "自评", null, clerk));
        Assert.Throws<AccessDeniedException>(() => _world.Records.Adjust("2018-003", AdjustmentKind.Commended, 5, "领导表扬", null, _world.LeaderActor));
        Assert.Equal(ResultLevel.Pass, _world.Records.RatingOf(_world.Storage.Tasks.Find("2018-003")!.Id)!.Level);
        Assert.Contains(_world.Storage.Store.Audit.FindAll(), e => e.Action == "access.denied" && e.Who == "基教处卫芳");
    }

    public void Dispose() => _world.Dispose();
}
