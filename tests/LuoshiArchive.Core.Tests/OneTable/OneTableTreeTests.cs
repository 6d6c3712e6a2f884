using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Tasks;

namespace LuoshiArchive.Core.Tests.OneTable;

/// <summary>The one-table view of a decomposed year: the tree (parents with their children indented) or the leaves only.</summary>
public sealed class OneTableTreeTests : IDisposable
{
    private readonly TempStorage _storage = new(new DateOnly(2018, 7, 10));
    private OneTableService Service => new(_storage.Store, _storage.Directory, _storage.Tasks, _storage.Reading);

    public OneTableTreeTests()
    {
        var basic = _storage.Directory.SaveDepartment(new Department { Name = "基础教育处", Code = "JJC" });
        TaskDraft Draft(string name) => new()
            { Year = 2018, Name = name, LeadDepartmentId = basic.Id, Deadline = new DateOnly(2018, 12, 31) };
        var office = Actor.Console();
        var parent = _storage.Tasks.Create(Draft("推进义务教育优质均衡发展"), office);
        _storage.Tasks.Create(Draft("另一项任务"), office);
        var first = _storage.Tasks.AddChild(parent.Code, Draft("学区化办学"), office);
        _storage.Tasks.AddChild(parent.Code, Draft("集团化办学"), office);
        _storage.Tasks.AddChild(first.Code, Draft("和平区学区"), office);
    }

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void The_tree_lists_each_parent_followed_by_its_children_and_the_leaves_view_only_the_tasks_without_children()
    {
        var tree = Service.Rows(new TaskFilter { Year = 2018 }, Actor.Console());
        var leaves = Service.Rows(new TaskFilter { Year = 2018 }, Actor.Console(), OneTableView.Leaves);

        Assert.Equal(["2018-001", "2018-001-1", "2018-001-1-1", "2018-001-2", "2018-002"], tree.Select(r => r.Code));
        Assert.Equal([0, 1, 2, 1, 0], tree.Select(r => r.Depth));
        Assert.Equal([1, 2, 3, 4, 5], tree.Select(r => r.Number));
        Assert.Equal("子任务 2 项：已办结 0 项，推进中 0 项，未启动或暂缓 2 项", tree[0].Rollup);
        Assert.Equal(["2018-001-1-1", "2018-001-2", "2018-002"], leaves.Select(r => r.Code));
        Assert.All(leaves, r => Assert.Equal(0, r.Depth));
    }

    [Fact]
    public void The_xlsx_tree_indents_children_and_still_imports_as_the_same_names()
    {
        using var file = new MemoryStream();
        Service.ExportXlsx(new TaskFilter { Year = 2018 }, Actor.Console(), file);
        file.Position = 0;
        using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        {
            var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
            Assert.Contains(">推进义务教育优质均衡发展<", sheet);
            Assert.Contains(">　　学区化办学<", sheet);
            Assert.Contains(">　　　　和平区学区<", sheet);
            Assert.Contains(">另一项任务<", sheet);
        }

        using var target = new TempStorage(new DateOnly(2018, 7, 10));
        file.Position = 0;
        var result = new OneTableService(target.Store, target.Directory, target.Tasks, target.Reading)
            .ImportXlsx(file, Actor.Console("导入员"));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("和平区学区", target.Tasks.Find("2018-001-1-1")!.Name);
    }
}
