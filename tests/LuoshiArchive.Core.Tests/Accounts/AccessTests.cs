using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Accounts;

/// <summary>
/// The role × action matrix, enforced by the Core services on a real store: what each role may and may not do, with
/// refusals recorded in the audit trail and nothing changed by a refused action.
/// </summary>
public sealed class AccessTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 6, 15));
    private readonly Department _office;
    private readonly Department _basic;
    private readonly KeyTask _officeTask;
    private readonly KeyTask _basicTask;

    public AccessTests()
    {
        _office = _storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        _basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        _officeTask = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "办公室任务", LeadDepartmentId = _office.Id,
            Milestones = [new Milestone { Due = new DateOnly(2018, 9, 1), Description = "节点" }] }, Actor.Console());
        _basicTask = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "基础教育任务", LeadDepartmentId = _basic.Id,
            CooperatingDepartmentIds = [_office.Id] }, Actor.Console());
    }

    public void Dispose() => _storage.Dispose();

    private Actor As(UserRole role, Department? department = null) => new($"{role}用户", role, department?.Id);

    public static TheoryData<UserRole, Permission, bool> TaskFreeMatrix => new()
    {
        { UserRole.Admin, Permission.Administer, true },
        { UserRole.Admin, Permission.RestoreEvidence, true },
        { UserRole.OfficeSupervisor, Permission.CreateTasks, true },
        { UserRole.OfficeSupervisor, Permission.IssueDocuments, true },
        { UserRole.OfficeSupervisor, Permission.Supervise, true },
        { UserRole.OfficeSupervisor, Permission.ExportArchive, true },
        { UserRole.OfficeSupervisor, Permission.Administer, false },
        { UserRole.OfficeSupervisor, Permission.RestoreEvidence, false },
        { UserRole.Leader, Permission.AdjustTask, true },
        { UserRole.Leader, Permission.RateResults, true },
        { UserRole.Leader, Permission.CreateTasks, false },
        { UserRole.Leader, Permission.IssueDocuments, false },
        { UserRole.Inspector, Permission.ReadTask, true },
        { UserRole.Inspector, Permission.CreateTasks, false },
        { UserRole.Inspector, Permission.ManageMeetings, false },
        { UserRole.Inspector, Permission.ExportArchive, false },
        { UserRole.Inspector, Permission.ReadAudit, false },
        { UserRole.DepartmentUser, Permission.CreateTasks, false },
        { UserRole.DepartmentUser, Permission.ManageMeetings, false },
        { UserRole.DepartmentUser, Permission.IssueDocuments, false },
        { UserRole.DepartmentUser, Permission.Administer, false },
    };

    [Theory]
    [MemberData(nameof(TaskFreeMatrix))]
    public void Each_role_is_allowed_exactly_its_actions(UserRole role, Permission permission, bool allowed) =>
        Assert.Equal(allowed, Access.Allows(As(role), permission));

    [Fact]
    public void A_department_user_edits_their_own_departments_task_and_is_refused_and_audited_on_another()
    {
        var clerk = As(UserRole.DepartmentUser, _office);
        var milestone = _officeTask.Milestones[0].Id;
        _storage.Tasks.MarkMilestone(_officeTask.Code, milestone, true, clerk);
        Assert.True(_storage.Tasks.Find(_officeTask.Code)!.Milestones[0].Done);

        var draft = TaskDraft.From(_basicTask);
        draft.Remarks = "越权修改";
        var refused = Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Update(_basicTask.Code, draft, clerk));
        Assert.Contains("不属于本处室", refused.Message);
        Assert.Equal("", _storage.Tasks.Find(_basicTask.Code)!.Remarks);
        var audit = _storage.Audit;
        var entry = Assert.Single(audit.Find(action: "access.denied"));
        Assert.Equal(clerk.Name, entry.Who);
        Assert.Equal($"任务 {_basicTask.Code}", entry.Subject);
    }

    [Fact]
    public void A_department_user_cannot_move_their_task_to_another_department()
    {
        var draft = TaskDraft.From(_officeTask);
        draft.LeadDepartmentId = _basic.Id;
        Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Update(_officeTask.Code, draft, As(UserRole.DepartmentUser, _office)));
        Assert.Equal(_office.Id, _storage.Tasks.Find(_officeTask.Code)!.LeadDepartmentId);
    }

    [Fact]
    public async Task A_cooperating_department_files_evidence_but_an_unconcerned_one_is_refused()
    {
        var cooperating = As(UserRole.DepartmentUser, _office);
        var added = await _storage.Dossiers.AddAsync(Text("配合处室提供的材料"), "配合.txt", [_basicTask.Code], null, cooperating);
        Assert.Single(_storage.Dossiers.DossierOf(_basicTask.Id));

        var other = _storage.Directory.SaveDepartment(new Department { Name = "高教处", Code = "GJC" });
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _storage.Dossiers.AddAsync(Text("无关处室的材料"), "无关.txt", [_basicTask.Code], null, As(UserRole.DepartmentUser, other)));
        Assert.Single(_storage.Dossiers.DossierOf(_basicTask.Id));
        Assert.Throws<AccessDeniedException>(() => _storage.Dossiers.Remove(added.Evidence.Id, "不需要", As(UserRole.DepartmentUser, other)));
    }

    [Theory]
    [InlineData(UserRole.Inspector)]
    [InlineData(UserRole.Leader)]
    public async Task Read_only_roles_cannot_file_evidence_or_change_tasks(UserRole role)
    {
        var reader = As(role);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _storage.Dossiers.AddAsync(Text("材料"), "a.txt", [_officeTask.Code], null, reader));
        Assert.Throws<AccessDeniedException>(() => _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "新任务" }, reader));
        Assert.Throws<AccessDeniedException>(() => _storage.Tasks.MarkMilestone(_officeTask.Code, _officeTask.Milestones[0].Id, true, reader));
        Assert.Empty(_storage.Dossiers.DossierOf(_officeTask.Id));
        Assert.Equal(2, _storage.Tasks.List(new TaskFilter()).Count);
    }

    [Fact]
    public void Reading_other_departments_tasks_follows_the_setting()
    {
        var clerk = As(UserRole.DepartmentUser, _office);
        var other = _storage.Directory.SaveDepartment(new Department { Name = "高教处", Code = "GJC" });
        var foreign = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "高教任务", LeadDepartmentId = other.Id }, Actor.Console());
        var closed = new ReadAccess(new LuoshiOptions { DepartmentUsersReadAll = false }, _storage.Tasks);
        Assert.NotNull(_storage.Reading.Read(foreign.Code, clerk));
        Assert.Throws<AccessDeniedException>(() => closed.Read(foreign.Code, clerk));
        Assert.NotNull(closed.Read(_basicTask.Code, clerk));
        // Asked without the policy, the rules fail closed.
        Assert.False(Access.Allows(clerk, Permission.ReadTask, foreign));
    }

    [Fact]
    public void Only_an_administrator_manages_accounts_and_the_last_administrator_stays()
    {
        var admin = _storage.Accounts.Create("admin", "管理员", "Luoshi-2018!", UserRole.Admin);
        Assert.Throws<AccessDeniedException>(() => _storage.Accounts.Create("x", "x", "Luoshi-2018!", UserRole.Admin, actor: As(UserRole.OfficeSupervisor)));
        Assert.Null(_storage.Accounts.Find("x"));
        var clerk = _storage.Accounts.Create("clerk", "处室张", "Luoshi-2018!", UserRole.DepartmentUser, _office.Id, Actor.For(admin));
        Assert.Throws<DomainRuleException>(() => _storage.Accounts.Create("nodept", "", "Luoshi-2018!", UserRole.DepartmentUser, actor: Actor.For(admin)));

        _storage.Accounts.Change("clerk", UserRole.DepartmentUser, _basic.Id, "", Actor.For(admin));
        Assert.Equal(_basic.Id, _storage.Accounts.Find("clerk")!.DepartmentId);
        Assert.Throws<DomainRuleException>(() => _storage.Accounts.Change("admin", UserRole.Inspector, null, "", Actor.For(admin)));
        Assert.Throws<DomainRuleException>(() => _storage.Accounts.SetDisabled("admin", true, Actor.For(admin)));

        _storage.Accounts.SetDisabled("clerk", true, Actor.For(admin));
        Assert.Null(_storage.Accounts.SignIn("clerk", "Luoshi-2018!", "10.0.0.1").Account);
        _storage.Accounts.SetDisabled("clerk", false, Actor.For(admin));
        Assert.Equal(clerk.Id, _storage.Accounts.SignIn("clerk", "Luoshi-2018!", "10.0.0.1").Account!.Id);
        var changes = _storage.Audit.Find(action: "account.");
        Assert.Contains(changes, e => e.Action == "account.changed" && e.Details.Contains("处室张，处室用户，办公室 → 处室张，处室用户，基础教育处"));
        Assert.Contains(changes, e => e.Action == "account.disabled");
    }

    private static MemoryStream Text(string s) => new(Encoding.UTF8.GetBytes(s + "，推进落实，形成长效机制。"));
}
