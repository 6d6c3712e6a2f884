using System.Text;
using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Core.Text;

namespace LuoshiArchive.Core.Tests.Dossiers;

/// <summary>
/// Where department users read only their own departments' tasks (DepartmentUsersReadAll off), search shows them only
/// evidence filed in tasks their department leads or works on: hits, totals and facet counts alike.
/// </summary>
public sealed class DepartmentSearchTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 6, 15));

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_department_user_finds_only_their_departments_evidence_when_departments_are_closed()
    {
        var office = _storage.Directory.SaveDepartment(new Department { Name = "办公室", Code = "BGS" });
        var basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        var sports = _storage.Directory.SaveDepartment(new Department { Name = "体卫艺处", Code = "TWY" });
        var own = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "办公室的任务", LeadDepartmentId = office.Id }, Actor.Console());
        var shared = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "基础教育处牵头、办公室配合", LeadDepartmentId = basic.Id,
            CooperatingDepartmentIds = [office.Id] }, Actor.Console());
        var other = _storage.Tasks.Create(new TaskDraft { Year = 2018, Name = "体卫艺处的任务", LeadDepartmentId = sports.Id }, Actor.Console());
        foreach (var (task, name) in new[] { (own, "甲"), (shared, "乙"), (other, "丙") })
            await _storage.Dossiers.AddAsync(new MemoryStream(Encoding.UTF8.GetBytes($"督查督办工作方案{name}")), $"{name}.txt", [task.Code], null, Actor.Console());

        var clerk = new Actor("办公室李四", UserRole.DepartmentUser, office.Id);
        using var extractor = new IsolatedTextExtractor(new ExtractionLimits(), ConverterPaths.None);
        var blobs = new BlobStore(_storage.Path);
        var closed = new DossierService(_storage.Store, blobs, _storage.Index, extractor, _storage.Tasks,
            new EvidenceIndexing(_storage.Store, blobs, _storage.Index, _storage.Directory), _storage.Clock,
            new LuoshiOptions { StoragePath = _storage.Path, DepartmentUsersReadAll = false },
            new ReadAccess(new LuoshiOptions { DepartmentUsersReadAll = false }, _storage.Tasks), _storage.Audit);

        var theirs = closed.Search(new SearchQuery("督查督办"), clerk);
        Assert.Equal(2, theirs.Total);
        Assert.Equal(["乙", "甲"], theirs.Hits.Select(h => h.Title[^1..]).Order());
        Assert.DoesNotContain(theirs.Facets["task"], f => f.Value == other.Code);
        Assert.DoesNotContain(theirs.Facets["department"], f => f.Value == "体卫艺处");
        Assert.Empty(closed.Search(new SearchQuery("丙"), clerk).Hits);

        Assert.Equal(3, closed.Search(new SearchQuery("督查督办"), Actor.Console()).Total); // the office reads all
        Assert.Equal(3, closed.Search(new SearchQuery("督查督办"), new Actor("督查", UserRole.Inspector)).Total);
        Assert.Equal(3, _storage.Dossiers.Search(new SearchQuery("督查督办"), clerk).Total); // departments open (the default)
        var nobody = new Actor("无处室", UserRole.DepartmentUser);
        Assert.Equal(0, closed.Search(new SearchQuery("督查督办"), nobody).Total);
    }
}
