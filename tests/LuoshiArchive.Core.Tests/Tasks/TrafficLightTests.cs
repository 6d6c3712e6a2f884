using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

public class TrafficLightTests
{
    private static readonly DateOnly Today = new(2018, 6, 1);

    [Fact]
    public void A_task_with_its_deadline_and_milestones_far_off_is_green() =>
        Assert.Equal(TrafficLight.Green, new KeyTaskBuilder().DueOn(new(2018, 12, 31)).WithMilestone(new(2018, 9, 1))
            .Build().LightOn(Today));

    [Theory]
    [InlineData(2018, 6, 1)]  // due today
    [InlineData(2018, 6, 8)]  // due in exactly 7 days
    public void A_deadline_within_seven_days_is_yellow(int y, int m, int d) =>
        Assert.Equal(TrafficLight.Yellow, new KeyTaskBuilder().DueOn(new(y, m, d)).Build().LightOn(Today));

    [Fact]
    public void A_deadline_eight_days_off_is_still_green() =>
        Assert.Equal(TrafficLight.Green, new KeyTaskBuilder().DueOn(new(2018, 6, 9)).Build().LightOn(Today));

    [Fact]
    public void A_milestone_coming_due_within_seven_days_is_yellow() =>
        Assert.Equal(TrafficLight.Yellow, new KeyTaskBuilder().DueOn(new(2018, 12, 31)).WithMilestone(new(2018, 6, 5))
            .Build().LightOn(Today));

    [Fact]
    public void A_missed_milestone_is_yellow_until_it_is_done()
    {
        var task = new KeyTaskBuilder().DueOn(new(2018, 12, 31)).WithMilestone(new(2018, 5, 20)).Build();
        Assert.Equal(TrafficLight.Yellow, task.LightOn(Today));

        task.Milestones[0].Done = true;
        Assert.Equal(TrafficLight.Green, task.LightOn(Today));
    }

    [Fact]
    public void An_unfinished_task_past_its_deadline_is_red()
    {
        var task = new KeyTaskBuilder().DueOn(new(2018, 5, 31)).Build();
        Assert.True(task.IsOverdue(Today));
        Assert.Equal(TrafficLight.Red, task.LightOn(Today));
    }

    [Theory]
    [InlineData(KeyTaskStatus.Completed)]
    [InlineData(KeyTaskStatus.Cancelled)]
    public void A_finished_or_withdrawn_task_is_never_overdue(KeyTaskStatus status)
    {
        var task = new KeyTaskBuilder().DueOn(new(2018, 5, 31)).WithStatus(status).Build();
        Assert.False(task.IsOverdue(Today));
        Assert.Equal(TrafficLight.Green, task.LightOn(Today));
    }

    [Fact]
    public void The_same_task_moves_from_green_to_yellow_to_red_as_the_clock_moves()
    {
        var task = new KeyTaskBuilder().DueOn(new(2018, 6, 30)).Build();
        Assert.Equal(TrafficLight.Green, task.LightOn(new(2018, 6, 1)));
        Assert.Equal(TrafficLight.Yellow, task.LightOn(new(2018, 6, 25)));
        Assert.Equal(TrafficLight.Red, task.LightOn(new(2018, 7, 1)));
    }
}
