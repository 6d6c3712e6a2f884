using System.Text;
using LuoshiArchive.Cli;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Tasks;

/// <summary>
/// 年度结转: the office carries the unfinished tasks it chooses into the next year as new tasks linked to the old ones;
/// the old ones rest (no longer overdue), both years' bundles carry the links and importing them restores them.
/// </summary>
public sealed class CarryOverTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 12, 28));
    private readonly Department _basic;
    private readonly Actor _office = new("督查督办刘敏", UserRole.OfficeSupervisor);

    public CarryOverTests()
    {
        _basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        _storage.Directory.SavePerson(new Person { Name = "赵志强", Role = PersonRole.Head, DepartmentId = _basic.Id });
    }

    public void Dispose() => _storage.Dispose();

    private KeyTask Task(string name, DateOnly deadline, params (DateOnly Due, string What)[] milestones) =>
        _storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = name, LeadDepartmentId = _basic.Id, Deadline = deadline, Target = "全市覆盖",
            Standard = "验收合格", Measures = "分三批推进", Status = KeyTaskStatus.InProgress,
            Milestones = milestones.Select(m => new Milestone { Due = m.Due, Description = m.What }).ToList(),
        }, Actor.Console());

    [Fact]
    public async Task A_carried_task_continues_next_year_linked_both_ways_with_its_open_steps_and_children()
    {
        var task = Task("推进集团化办学", new DateOnly(2018, 12, 31),
            (new DateOnly(2018, 6, 30), "完成首批"), (new DateOnly(2019, 3, 31), "完成第二批"));
        _storage.Tasks.MarkMilestone(task.Code, task.Milestones[0].Id, true, _office, new MilestoneProof([], true));
        var child = _storage.Tasks.AddChild(task.Code, new TaskDraft
        {
            Name = "和平区集团化办学", LeadDepartmentId = _basic.Id, Deadline = new DateOnly(2018, 11, 30),
            Status = KeyTaskStatus.InProgress,
        }, _office);
        var finished = Task("完成课后服务摸底", new DateOnly(2018, 12, 31));
        await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("集团化办学方案")), "方案.txt", [task.Code],
            null, Actor.Console());

        Assert.Equal([task.Code, finished.Code], _storage.Tasks.CarryOverCandidates(2018).Select(t => t.Code));
        var carried = Assert.Single(_storage.Tasks.CarryOver(2018, [task.Code], deadline: null, _office));

        Assert.Equal(("2019-001", 2019, "推进集团化办学"), (carried.Code, carried.Year, carried.Name));
        Assert.Equal((new DateOnly(2019, 12, 31), "全市覆盖", _basic.Id), (carried.Deadline, carried.Target, carried.LeadDepartmentId));
        Assert.Equal(["完成第二批"], carried.Milestones.Select(m => m.Description));
        Assert.Equal(task.Id, carried.CarriedFromId);
        var old = _storage.Tasks.Find(task.Code)!;
        Assert.Equal(carried.Id, old.CarriedToId);
        Assert.False(old.IsOverdue(new DateOnly(2019, 2, 1)));
        // The carried task is no longer a candidate; its child went with it.
        Assert.Equal([finished.Code], _storage.Tasks.CarryOverCandidates(2018).Select(t => t.Code));
        var carriedChild = Assert.Single(_storage.Tasks.Children(carried.Id));
        Assert.Equal(("2019-001-1", child.Id), (carriedChild.Code, carriedChild.CarriedFromId));
        Assert.Equal(new DateOnly(2019, 12, 31), carriedChild.Deadline);
        // The dossier stays with the old task; both histories say where the work went and came from.
        Assert.Single(_storage.Dossiers.DossierOf(task.Id));
        Assert.Contains(_storage.Tasks.History(task.Id), h => h.Kind == TaskChangeKind.CarriedOver
            && h.Changes.Any(c => c.Field == "结转至" && c.After == "2019-001"));
        Assert.Contains(_storage.Tasks.History(carried.Id), h => h.Kind == TaskChangeKind.CarriedOver
            && h.Changes.Any(c => c.Field == "结转自" && c.After == task.Code));
        // Four entries: the two new tasks and the two old ones.
        Assert.Equal(4, _storage.Audit.Find(action: "task.carriedover").Count);
    }

    [Fact]
    public void Finished_carried_or_child_tasks_and_other_roles_are_refused_and_nothing_is_carried()
    {
        var open = Task("推进集团化办学", new DateOnly(2018, 12, 31));
        var done = Task("完成课后服务摸底", new DateOnly(2018, 12, 31));
        _storage.Tasks.Complete(done.Code, new TaskClosure
        {
            EvidenceToFollow = true, ConfirmedBy = "赵志强", ConfirmedOn = new DateOnly(2018, 12, 20),
        }, _office);
        var child = _storage.Tasks.AddChild(open.Code, new TaskDraft
            { Name = "子任务", LeadDepartmentId = _basic.Id, Deadline = new DateOnly(2018, 11, 30) }, _office);

        Assert.Contains("无需结转", Assert.Throws<DomainRuleException>(() =>
            _storage.Tasks.CarryOver(2018, [open.Code, done.Code], null, _office)).Message);
        Assert.Contains("随其上级任务一并结转", Assert.Throws<DomainRuleException>(() =>
            _storage.Tasks.CarryOver(2018, [child.Code], null, _office)).Message);
        Assert.Contains("须在2019年或以后", Assert.Throws<DomainRuleException>(() =>
            _storage.Tasks.CarryOver(2018, [open.Code], new DateOnly(2018, 12, 31), _office)).Message);
        Assert.Throws<AccessDeniedException>(() => _storage.Tasks.CarryOver(2018, [open.Code], null,
            new Actor("基教处李晓梅", UserRole.DepartmentUser, _basic.Id)));
        Assert.Empty(_storage.Tasks.List(new TaskFilter { Year = 2019 }));
        Assert.Null(_storage.Tasks.Find(open.Code)!.CarriedToId);

        _storage.Tasks.CarryOver(2018, [open.Code], null, _office);
        Assert.Contains("已结转，不能重复结转", Assert.Throws<DomainRuleException>(() =>
            _storage.Tasks.CarryOver(2018, [open.Code], null, _office)).Message);
    }

    [Fact]
    public async Task Both_years_bundles_carry_the_link_and_importing_them_restores_it()
    {
        var task = Task("推进集团化办学", new DateOnly(2018, 12, 31));
        var carried = Assert.Single(_storage.Tasks.CarryOver(2018, [task.Code], null, _office));
        _storage.Close();
        var folder = Directory.CreateTempSubdirectory("luoshi-carry-").FullName;
        try
        {
            foreach (var year in new[] { "2018", "2019" })
                Assert.Equal(0, await Cli(["bundle", "export", "--year", year, "--out", Path.Combine(folder, year + ".zip"),
                    .. TestDatabase.StorageOptions(_storage.Path)]));
            var other = Path.Combine(folder, "restored");
            // The new year first: its link waits for the old year's task, and is made when that arrives.
            Assert.Equal(0, await Cli(["bundle", "import", Path.Combine(folder, "2019.zip"), .. TestDatabase.StorageOptions(other)]));
            Assert.Equal(0, await Cli(["bundle", "import", Path.Combine(folder, "2018.zip"), .. TestDatabase.StorageOptions(other)]));

            using var restored = TestDatabase.Open(other);
            var oldTask = restored.Tasks.FindOne(t => t.Code == task.Code)!;
            var newTask = restored.Tasks.FindOne(t => t.Code == carried.Code)!;
            Assert.Equal((newTask.Id, oldTask.Id), (oldTask.CarriedToId, newTask.CarriedFromId));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<int> Cli(params string[] args) =>
        LuoshiCli.RunAsync(args, new StringWriter(), new StringWriter(), new StringReader(""), _storage.Clock);
}
