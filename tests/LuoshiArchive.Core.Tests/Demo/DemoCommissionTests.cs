using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Demo;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Demo;

public class DemoCommissionTests
{
    [Theory]
    [InlineData(2018, 3, 1)]
    [InlineData(2018, 11, 25)]
    [InlineData(2019, 1, 3)]
    public void The_demo_covers_every_list_and_source_with_tasks_in_every_light(int y, int m, int d)
    {
        var today = new DateOnly(y, m, d);
        using var storage = new TempStorage(today);

        var loaded = DemoCommission.Load(storage.Directory, storage.Tasks, today, Actor.Console("演示"));

        var items = storage.Tasks.List(new TaskFilter { Year = y });
        Assert.Equal(loaded.Tasks, items.Count);
        Assert.InRange(items.Count, 25, 40);
        Assert.Equal(Enum.GetValues<TaskListKind>().Order(), items.Select(i => i.Task.ListKind).Distinct().Order());
        Assert.Equal(Enum.GetValues<TaskSource>().Order(), items.Select(i => i.Task.Source).Distinct().Order());
        Assert.Contains(items, i => i.Light == TrafficLight.Red);
        Assert.Contains(items, i => i.Light == TrafficLight.Yellow);
        Assert.Contains(items, i => i.Light == TrafficLight.Green && i.Task.Status != KeyTaskStatus.Completed);
        Assert.Contains(items, i => i.Task.Status == KeyTaskStatus.Completed);
        Assert.Contains(items, i => !i.Task.IsComplete);
        Assert.Contains(items, i => i.Task.AddedOn > new DateOnly(y, 1, 1));
        Assert.All(items, i => Assert.NotEmpty(i.SupervisingLeader));
    }

    [Fact]
    public void Loading_into_a_store_with_data_is_refused()
    {
        var today = new DateOnly(2018, 6, 1);
        using var storage = new TempStorage(today);
        DemoCommission.Load(storage.Directory, storage.Tasks, today, Actor.Console("演示"));

        Assert.Throws<DomainRuleException>(() => DemoCommission.Load(storage.Directory, storage.Tasks, today, Actor.Console("演示")));
        Assert.Equal(30, storage.Store.Tasks.Count());
    }
}
