using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Assessment;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Assessment;

/// <summary>
/// A commission's 2018 in a temp store, seen on 2019-01-10 under the default scheme (time 60, 2 points per week begun
/// late, 优秀 40 / 良好 32 / 合格 24, 问责 −10). The expected figures are worked out by hand in the comments:
/// <list type="bullet">
/// <item>A 办公室, 综合/中央 (1.2 × 1.5 = 1.8): two nodes on time, 优秀 → 60 + 40 = 100;</item>
/// <item>B 办公室, 处室/委会议 (0.8 × 1.0 = 0.8): one node 10 days late (2 weeks, −4 of 30), one on time, 良好 → 26 + 30 + 32 = 88;</item>
/// <item>C 基教处, 综合/市委 (1.2 × 1.3 = 1.56): three nodes of 20, one never done (capped at −20), 合格, 批评 −3, 问责 −10
/// → 40 + 24 − 3 − 10 = 51;</item>
/// <item>D 基教处, added 2018-07-01, 会议议定/委领导 (1 × 1 × 184/365 = 0.5041): node on time, 优秀, 表扬 +5 → 105;</item>
/// <item>E 高教处, 专项/提案 (1.2 × 1.1 = 1.32): no milestones, done by the deadline, 良好 → 92;</item>
/// <item>G 体卫艺处, 处室/委会议 (0.8): no milestones, done, 良好 → 92; F 高教处 cancelled: not assessed.</item>
/// </list>
/// Departments: 办公室 (180 + 70.4) / 2.6 = 96.31; 高教处 92; 体卫艺处 92; 基教处 (79.56 + 52.9305) / 2.0641 = 64.19.
/// </summary>
public sealed class AssessmentWorld : IDisposable
{
    public static readonly DateOnly Today = new(2019, 1, 10);

    public AssessmentWorld()
    {
        Storage = new TempStorage(new DateOnly(2018, 1, 1));
        Office = Storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        Basic = Storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        Higher = Storage.Directory.SaveDepartment(new Department { Name = "高等教育处", Code = "GJC" });
        Sports = Storage.Directory.SaveDepartment(new Department { Name = "体卫艺处", Code = "TWY" });
        Wang = Storage.Directory.SavePerson(new Person { Name = "王建国", Role = PersonRole.SupervisingLeader });
        Li = Storage.Directory.SavePerson(new Person { Name = "李红梅", Role = PersonRole.SupervisingLeader });
        Schemes = new ScoringSchemes(Storage.Store, Storage.Clock, Storage.Audit);
        Records = new AssessmentRecords(Storage.Store, Storage.Tasks, Storage.Clock, Storage.Audit);
        Service = new AssessmentService(Storage.Store, Storage.Directory, Schemes, Storage.Documents, Storage.Clock,
            new LuoshiOptions { StoragePath = Storage.Path }, Storage.Reading, Storage.Audit);
    }

    public TempStorage Storage { get; }
    public TestClock Clock => Storage.Clock;
    public Department Office { get; }
    public Department Basic { get; }
    public Department Higher { get; }
    public Department Sports { get; }
    public Person Wang { get; }
    public Person Li { get; }
    public ScoringSchemes Schemes { get; }
    public AssessmentRecords Records { get; }
    public AssessmentService Service { get; }
    public Actor Supervisor { get; } = new("督查科李明", UserRole.OfficeSupervisor);
    public Actor LeaderActor { get; } = new("委领导王建国", UserRole.Leader);

    /// <summary>Builds the year described above and moves the clock to <see cref="Today"/>.</summary>
    public AssessmentWorld WithKnownYear()
    {
        Task("2018-001", Office, Wang, TaskListKind.Comprehensive, TaskSource.Central, new DateOnly(2018, 6, 30), d(3, 31), d(6, 30));
        Task("2018-002", Office, Wang, TaskListKind.Department, TaskSource.CommissionMeeting, new DateOnly(2018, 9, 30), d(5, 31), d(9, 30));
        Task("2018-003", Basic, Wang, TaskListKind.Comprehensive, TaskSource.Municipal, new DateOnly(2018, 11, 30), d(4, 30), d(8, 31), d(11, 30));
        Task("2018-004", Basic, Li, TaskListKind.MeetingDecided, TaskSource.LeaderInstruction, new DateOnly(2018, 10, 31), d(10, 31));
        Task("2018-005", Higher, Li, TaskListKind.Special, TaskSource.Proposal, new DateOnly(2018, 12, 31));
        Task("2018-006", Higher, Li, TaskListKind.Comprehensive, TaskSource.Central, new DateOnly(2018, 12, 31));
        Task("2018-007", Sports, Li, TaskListKind.Department, TaskSource.CommissionMeeting, new DateOnly(2018, 12, 31));
        Fix("2018-004", t => t.AddedOn = new DateOnly(2018, 7, 1));

        Done("2018-001", 0, d(3, 30));
        Done("2018-001", 1, d(6, 30));
        Done("2018-002", 0, d(6, 10));
        Done("2018-002", 1, d(9, 29));
        Done("2018-003", 0, d(4, 28));
        Done("2018-003", 2, d(11, 30));
        Done("2018-004", 0, d(10, 31));
        Fix("2018-001", t => t.Status = KeyTaskStatus.Completed);
        Fix("2018-004", t => t.Status = KeyTaskStatus.Completed);
        Fix("2018-005", t => t.Status = KeyTaskStatus.Completed);
        Fix("2018-006", t => t.Status = KeyTaskStatus.Cancelled);
        Fix("2018-007", t => t.Status = KeyTaskStatus.Completed);

        Clock.MoveTo(Today);
        Records.Rate("2018-001", ResultLevel.Excellent, "成效显著", LeaderActor);
        Records.Rate("2018-002", ResultLevel.Good, null, LeaderActor);
        Records.Rate("2018-003", ResultLevel.Pass, null, LeaderActor);
        Records.Rate("2018-004", ResultLevel.Excellent, null, LeaderActor);
        Records.Rate("2018-005", ResultLevel.Good, null, LeaderActor);
        Records.Rate("2018-007", ResultLevel.Good, null, LeaderActor);
        Records.Adjust("2018-003", AdjustmentKind.Criticised, -3, "第三季度调度会通报批评", "津教委〔2018〕30号", Supervisor);
        Records.Adjust("2018-004", AdjustmentKind.Commended, 5, "市领导批示肯定", "", Supervisor);
        Records.RecordAccountability("2018-003", "基础教育处张某", "诫勉谈话", "津教委〔2018〕41号", new DateOnly(2018, 12, 20), Supervisor);
        return this;
    }

    private static DateOnly d(int month, int day) => new(2018, month, day);

    public KeyTask Task(string code, Department department, Person leader, TaskListKind kind, TaskSource source, DateOnly deadline,
        params DateOnly[] milestones) =>
        Storage.Tasks.Create(new TaskDraft
        {
            Code = code, Year = 2018, Name = "任务" + code[^3..], Target = "目标", Standard = "按期完成", LeadDepartmentId = department.Id,
            SupervisingLeaderId = leader.Id, ListKind = kind, Source = source, Deadline = deadline, Status = KeyTaskStatus.InProgress,
            AddedOn = new DateOnly(2018, 1, 1),
            Milestones = milestones.Select((m, i) => new Milestone { Due = m, Description = $"节点{i + 1}" }).ToList(),
        }, Actor.Console());

    /// <summary>Marks a milestone done on <paramref name="day"/> (the clock is moved there, as a clerk would mark it that day).</summary>
    public void Done(string code, int milestone, DateOnly day)
    {
        Clock.MoveTo(day);
        var task = Storage.Tasks.Find(code)!;
        Storage.Tasks.MarkMilestone(code, task.Milestones[milestone].Id, true, Actor.Console());
    }

    /// <summary>Sets what the forms set in other ways (status, the day a task was put on the list) straight in the store.</summary>
    public void Fix(string code, Action<KeyTask> change)
    {
        var task = Storage.Tasks.Find(code)!;
        change(task);
        Storage.Store.Tasks.Update(task);
    }

    public void Dispose() => Storage.Dispose();
}
