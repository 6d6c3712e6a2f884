using System.IO.Compression;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.OneTable;
using LuoshiArchive.Core.Tests.Supervision;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Assessment;

public sealed class AssessmentBundleTests : IDisposable
{
    private readonly AssessmentWorld _world = new AssessmentWorld().WithKnownYear();
    private readonly string _out = Path.Combine(Path.GetTempPath(), "luoshi-bundle-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_annual_bundle_carries_the_closed_results_with_the_accountability_records()
    {
        _world.Service.Close(2018, _world.Supervisor);
        var storage = _world.Storage;
        var bundle = new AnnualBundle(storage.Tasks, storage.Directory, storage.Dossiers, new OneTableService(storage.Store, storage.Directory, storage.Tasks, storage.Reading),
            storage.Meetings, new LuoshiOptions { StoragePath = storage.Path }, storage.Clock, storage.Audit,
            new BundleRecords(storage.Store, storage.Directory),
            _world.Service);
        var file = Path.Combine(_out, "2018.zip");

        bundle.Export(2018, file);

        Assert.Empty(BagVerifier.Verify(file));
        using var zip = ZipFile.OpenRead(file);
        var docx = zip.Entries.Single(e => e.FullName.EndsWith("/data/考核结果.docx", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/data/考核结果.xlsx", StringComparison.Ordinal));
        using var copy = new MemoryStream();
        docx.Open().CopyTo(copy);
        var text = SupervisionWorld.ValidDocxText(copy);
        Assert.Contains("2018-003 任务003（基础教育处）：基础教育处张某：诫勉谈话（津教委〔2018〕41号）", text);
        Assert.Contains("现将考核结果通报如下", text);
    }

    [Fact]
    public async Task A_closed_year_comes_back_from_its_bundle_with_the_same_scores_ratings_and_accountability()
    {
        _world.Service.Close(2018, _world.Supervisor);
        var closed = _world.Service.Result(2018);
        var storage = _world.Storage;
        var bundle = new AnnualBundle(storage.Tasks, storage.Directory, storage.Dossiers, new OneTableService(storage.Store, storage.Directory, storage.Tasks, storage.Reading),
            storage.Meetings, new LuoshiOptions { StoragePath = storage.Path }, storage.Clock, storage.Audit,
            new BundleRecords(storage.Store, storage.Directory), _world.Service);
        var file = Path.Combine(_out, "2018.zip");
        bundle.Export(2018, file);

        var other = Path.Combine(_out, "restored");
        var import = await LuoshiArchive.Cli.LuoshiCli.RunAsync(["bundle", "import", file, .. TestDatabase.StorageOptions(other)], new StringWriter(), new StringWriter(), new StringReader(""), storage.Clock);
        Assert.Equal(0, import);
        using var restored = TestDatabase.Open(other);
        var closure = Assert.Single(restored.AssessmentClosures.FindAll());
        Assert.True(closure.Closed);
        Assert.Equal(closed.Departments.Select(d => (d.Name, d.Score, d.Rank)), closure.Departments.Select(d => (d.Name, d.Score, d.Rank)));
        Assert.Equal(closed.Tasks.Select(t => (t.Code, t.Score)), closure.Tasks.Select(t => (t.Code, t.Score)));
        Assert.All(closure.Tasks, t => Assert.Equal(t.Code, restored.Tasks.FindById(t.TaskId)!.Code));
        Assert.Equal(storage.Store.ResultRatings.Count(), restored.ResultRatings.Count());
        Assert.Contains(restored.Accountability.FindAll(), a => a.Document == "津教委〔2018〕41号" && restored.Tasks.FindById(a.TaskId)!.Code == a.TaskCode);
    }

    public void Dispose()
    {
        _world.Dispose();
        try { Directory.Delete(_out, recursive: true); } catch (IOException) { }
    }
}
