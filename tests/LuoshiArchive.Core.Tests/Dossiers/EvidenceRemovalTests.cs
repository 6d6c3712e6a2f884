using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.Dossiers;

/// <summary>Deleting evidence is a soft delete with a reason: out of dossiers and search, kept in the store, restorable.</summary>
public sealed class EvidenceRemovalTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 6, 15));

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task Removed_evidence_leaves_dossier_and_search_survives_a_restart_and_an_administrator_restores_it()
    {
        var task = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "师德师风建设" }, Actor.Console());
        var added = await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("师德师风专项整治工作方案")), "方案.txt",
            [task.Code], null, Actor.Console());
        var id = added.Evidence.Id;
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("专项整治")).Hits);

        Assert.Throws<DomainRuleException>(() => _storage.Dossiers.Remove(id, "  ", Actor.Console()));
        _storage.Dossiers.Remove(id, "误传，应为另一份方案", new Actor("处室张", UserRole.OfficeSupervisor));

        Assert.Empty(_storage.Dossiers.DossierOf(task.Id));
        Assert.Empty(_storage.Dossiers.Search(new SearchQuery("专项整治")).Hits);
        Assert.Equal(0, _storage.Tasks.EvidenceCounts().GetValueOrDefault(task.Id));
        _storage.Reopen();
        _storage.Dossiers.BringIndexUpToDate();
        Assert.Empty(_storage.Dossiers.Search(new SearchQuery("专项整治")).Hits);
        var removed = Assert.Single(_storage.Dossiers.RemovedFrom(task.Id));
        Assert.Equal("误传，应为另一份方案", removed.Removal!.Reason);
        Assert.Equal("处室张", removed.Removal.By);
        Assert.Equal("师德师风专项整治工作方案", _storage.Dossiers.TextOf(removed));

        Assert.Throws<AccessDeniedException>(() => _storage.Dossiers.Restore(id, new Actor("督查", UserRole.OfficeSupervisor)));
        Assert.Null(_storage.Dossiers.Read(id, new Actor("督查", UserRole.OfficeSupervisor)));
        _storage.Dossiers.Restore(id, new Actor("管理员", UserRole.Admin));
        Assert.Single(_storage.Dossiers.DossierOf(task.Id));
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("专项整治")).Hits);
        var trail = _storage.Audit.Find(action: "evidence.");
        Assert.Contains(trail, e => e.Action == "evidence.removed" && e.Details.Contains("误传"));
        Assert.Contains(trail, e => e.Action == "evidence.restored" && e.Who == "管理员");
    }

    [Fact]
    public async Task A_cooperating_department_removes_only_what_its_own_user_uploaded()
    {
        var (lead, helper, task) = TaskWithCooperatingDepartment();
        var leadClerk = new Actor("基础教育处李", UserRole.DepartmentUser, lead.Id);
        var helperClerk = new Actor("高等教育处王", UserRole.DepartmentUser, helper.Id);
        var leads = await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("牵头处室的实施方案")),
            "方案.txt", [task.Code], null, leadClerk);
        var helps = await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("配合处室的意见")),
            "意见.txt", [task.Code], null, helperClerk);

        var refused = Assert.Throws<AccessDeniedException>(() =>
            _storage.Dossiers.Remove(leads.Evidence.Id, "不需要", helperClerk));
        Assert.Contains("配合处室只能删除本人上传的佐证材料", refused.Message);
        Assert.False(_storage.Dossiers.Find(leads.Evidence.Id)!.IsRemoved);
        _storage.Dossiers.Remove(helps.Evidence.Id, "传错了", helperClerk);
        _storage.Dossiers.Remove(leads.Evidence.Id, "换新版", leadClerk);
        Assert.Empty(_storage.Dossiers.DossierOf(task.Id));
    }

    [Fact]
    public async Task Uploads_are_matched_by_sign_in_name_so_a_namesake_in_the_cooperating_department_removes_nothing()
    {
        var (_, helper, task) = TaskWithCooperatingDepartment();
        // Two people called 王芳 in the cooperating department, each with an account of their own.
        var first = new Actor("王芳", UserRole.DepartmentUser, helper.Id, Account: "wangfang");
        var namesake = new Actor("王芳", UserRole.DepartmentUser, helper.Id, Account: "wangfang2");
        var upload = await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes("配合处室的意见")),
            "意见.txt", [task.Code], null, first);
        Assert.Equal("wangfang", upload.Evidence.AddedByAccount);

        Assert.Throws<AccessDeniedException>(() => _storage.Dossiers.Remove(upload.Evidence.Id, "不需要", namesake));
        Assert.False(_storage.Dossiers.Find(upload.Evidence.Id)!.IsRemoved);
        _storage.Dossiers.Remove(upload.Evidence.Id, "传错了", first with { Name = "王芳（高教处）" }); // renamed: still hers
        Assert.True(_storage.Dossiers.Find(upload.Evidence.Id)!.IsRemoved);
    }

    /// <summary>基础教育处 leads a task; 高等教育处 cooperates.</summary>
    private (Core.Organisation.Department Lead, Core.Organisation.Department Helper, KeyTask Task) TaskWithCooperatingDepartment()
    {
        var lead = _storage.Directory.SaveDepartment(new Core.Organisation.Department { Name = "基础教育处" });
        var helper = _storage.Directory.SaveDepartment(new Core.Organisation.Department { Name = "高等教育处" });
        var task = _storage.Tasks.Create(new TaskDraft
        {
            Year = 2018, Name = "课后服务", LeadDepartmentId = lead.Id, CooperatingDepartmentIds = [helper.Id],
        }, Actor.Console());
        return (lead, helper, task);
    }

    [Fact]
    public async Task Uploading_removed_content_again_brings_it_back()
    {
        var task = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "任务" }, Actor.Console());
        var bytes = Encoding.UTF8.GetBytes("会议纪要正文");
        var first = await _storage.Dossiers.AddAsync(new MemoryStream(bytes), "纪要.txt", [task.Code], null, Actor.Console());
        _storage.Dossiers.Remove(first.Evidence.Id, "重复", Actor.Console());
        var again = await _storage.Dossiers.AddAsync(new MemoryStream(bytes), "纪要.txt", [task.Code], null, Actor.Console());
        Assert.Equal(first.Evidence.Id, again.Evidence.Id);
        Assert.False(_storage.Dossiers.Find(first.Evidence.Id)!.IsRemoved);
        Assert.Single(_storage.Dossiers.DossierOf(task.Id));
        Assert.Single(_storage.Dossiers.Search(new SearchQuery("纪要正文")).Hits);
    }
}
