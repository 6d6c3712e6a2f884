using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

public class AdjustmentTests
{
    private static LeaderDecision Decision() => new()
    {
        DecidedBy = "王建国", DecidedOn = new DateOnly(2018, 5, 10), Occasion = "2018年第5次主任办公会", Reason = "上级调整部署",
    };

    [Fact]
    public void An_adjustment_without_a_decision_is_refused_and_changes_nothing()
    {
        var task = new KeyTaskBuilder().Build();

        var error = Assert.Throws<DomainRuleException>(() => task.Adjust("新目标", new(2018, 9, 30), [], decision: null));

        Assert.Contains("委领导", error.Message);
        Assert.Equal("形成全委重点任务分解清单", task.Target);
        Assert.Equal(new DateOnly(2018, 6, 30), task.Deadline);
    }

    [Fact]
    public void An_incomplete_decision_names_what_is_missing()
    {
        var task = new KeyTaskBuilder().Build();
        var decision = Decision();
        decision.Occasion = "";
        decision.Reason = " ";

        var error = Assert.Throws<DomainRuleException>(() => task.Adjust("新目标", task.Deadline, [], decision));

        Assert.Contains("会议或批示", error.Message);
        Assert.Contains("调整理由", error.Message);
    }

    [Fact]
    public void A_decided_adjustment_changes_the_plan_and_keeps_the_original_values()
    {
        var task = new KeyTaskBuilder().WithMilestone(new(2018, 4, 30)).Build();
        var newSchedule = new List<Milestone> { new() { Due = new(2018, 8, 31), Description = "形成初稿" } };

        var adjustment = task.Adjust("形成并印发全委重点任务分解清单", new(2018, 9, 30), newSchedule, Decision());

        Assert.Equal(new DateOnly(2018, 9, 30), task.Deadline);
        Assert.Equal("形成全委重点任务分解清单", adjustment.TargetBefore);
        Assert.Equal(new DateOnly(2018, 6, 30), adjustment.DeadlineBefore);
        Assert.Equal(["2018-04-30 节点1"], adjustment.ScheduleBefore);
        Assert.Equal("2018年第5次主任办公会", adjustment.Decision.Occasion);
    }

    [Fact]
    public void An_adjustment_that_changes_nothing_is_refused()
    {
        var task = new KeyTaskBuilder().Build();
        Assert.Throws<DomainRuleException>(() => task.Adjust(task.Target, task.Deadline, [], Decision()));
    }

    [Fact]
    public void Filling_a_blank_target_is_drafting_but_changing_a_set_one_is_an_adjustment()
    {
        var blank = new KeyTaskBuilder().WithTarget("").DueOn(null).Build();
        Assert.False(blank.WouldChangePlan("新目标", new(2018, 9, 30), []));

        var set = new KeyTaskBuilder().Build();
        Assert.True(set.WouldChangePlan("新目标", set.Deadline, []));
        Assert.True(set.WouldChangePlan(set.Target, new(2018, 7, 31), []));
        Assert.False(set.WouldChangePlan(set.Target, set.Deadline, []));
    }
}
