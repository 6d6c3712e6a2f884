using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Storage;

public class StoreRoundTripTests
{
    [Fact]
    public void A_task_with_all_four_lists_and_milestones_survives_a_restart_unchanged()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        var office = storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var policy = storage.Directory.SaveDepartment(new Department { Name = "政策法规处", Code = "ZCFG" });
        var leader = storage.Directory.SavePerson(new Person { Name = "王副主任", Role = PersonRole.SupervisingLeader });
        var created = storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "建立全委重点任务分解清单", ListKind = TaskListKind.Comprehensive,
            Source = TaskSource.CommissionMeeting, SourceDetail = "2018年第1次委主任办公会",
            Target = "形成全委重点任务分解清单", Standard = "经征求意见确认", LeadDepartmentId = office.Id,
            CooperatingDepartmentIds = [policy.Id], SupervisingLeaderId = leader.Id, Measures = "起草建议方案\n征求意见",
            Milestones = [new Milestone { Due = new DateOnly(2018, 2, 28), Description = "提出建议方案" }],
            Deadline = new DateOnly(2018, 3, 31), ExpectedOutcomes = "清单印发",
        }, Actor.Console("admin"));

        storage.Reopen();

        var read = storage.Tasks.Find(created.Code)!;
        Assert.Equal("2018-001", read.Code);
        Assert.Equal("建立全委重点任务分解清单", read.Name);
        Assert.Equal(TaskSource.CommissionMeeting, read.Source);
        Assert.Equal([policy.Id], read.CooperatingDepartmentIds);
        Assert.Equal(new DateOnly(2018, 3, 31), read.Deadline);
        Assert.Equal(new DateOnly(2018, 2, 28), Assert.Single(read.Milestones).Due);
        Assert.Equal(new DateOnly(2018, 3, 1), read.AddedOn);
        var history = Assert.Single(storage.Tasks.History(read.Id));
        Assert.Equal(TaskChangeKind.Created, history.Kind);
        Assert.Contains(history.Changes, c => c.Field == "牵头处室" && c.After == "办公室");
    }

    [Fact]
    public void A_second_opener_of_the_same_folder_is_told_who_holds_it()
    {
        using var storage = new TempStorage(new DateOnly(2018, 3, 1));
        if (TestDatabase.OnPostgres)
        {
            // PostgreSQL is shared: a second process (another web node, the CLI) opens it alongside and sees the records.
            var task = storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "共用数据库" }, Actor.Console("t"));
            using var second = TestDatabase.Open(storage.Path);
            Assert.Equal("共用数据库", second.Tasks.FindById(task.Id)!.Name);
            return;
        }
        var error = Assert.Throws<StorageInUseException>(() => TestDatabase.Open(storage.Path));
        Assert.Contains("storage is in use by luoshi-test", error.Message);
    }
}
