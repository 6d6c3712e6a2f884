using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

public class FourClaritiesTests
{
    [Fact]
    public void A_task_with_body_target_standard_and_deadline_is_complete() =>
        Assert.True(new KeyTaskBuilder().Build().IsComplete);

    [Fact]
    public void Each_missing_clarity_is_named_in_chinese()
    {
        var task = new KeyTaskBuilder().LedBy(null).WithTarget(" ").WithStandard("").DueOn(null).Build();

        Assert.False(task.IsComplete);
        Assert.Equal(["责任主体", "目标任务", "工作标准", "时限要求"], task.MissingClarities());
    }

    [Fact]
    public void A_task_without_a_standard_misses_only_the_standard() =>
        Assert.Equal(["工作标准"], new KeyTaskBuilder().WithStandard("").Build().MissingClarities());
}
