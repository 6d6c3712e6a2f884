using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.PublicProgress;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Storage.Postgres;

namespace LuoshiArchive.Core.Tests.PublicProgress;

/// <summary>
/// The disclosure records travel with the store: a backup restored into an empty folder (on the engine of the run),
/// and <c>luoshi migrate</c>'s copy of an embedded store into PostgreSQL, keep every public task, its wording and
/// 索引号, the tasks taken off, and the catalogue metadata.
/// </summary>
public sealed class PublicProgressStorageTests : IDisposable
{
    private readonly TempStorage _source = new(new DateOnly(2018, 7, 10));
    private readonly string _scratch = Directory.CreateTempSubdirectory("luoshi-public-").FullName;
    private readonly Actor _office = new("督查督办刘敏", UserRole.OfficeSupervisor);

    public void Dispose()
    {
        _source.Dispose();
        TestDatabase.Drop(Path.Combine(_scratch, "restored"));
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { }
    }

    private static IReadOnlyList<PublicItem> Published(ILuoshiStore store) => new PublicCatalogue(store).Latest();

    private IReadOnlyList<PublicItem> PublishSome(ILuoshiStore store, TaskRegistry tasks, Core.Audit.AuditLog audit)
    {
        var disclosure = new PublicDisclosure(store, _source.Clock, audit);
        foreach (var name in new[] { "新建改扩建幼儿园30所", "中小学课后服务全覆盖", "撤回的事项" })
            tasks.Create(new TaskDraft { Year = 2018, Name = name, Target = name + "的目标" }, Actor.Console());
        disclosure.SaveSettings("000125225", @"教育\基础教育", "主动公开", _office);
        disclosure.Publish("2018-001", "已开工18所。", _office);
        disclosure.Publish("2018-002", "已覆盖全市。", _office);
        disclosure.Publish("2018-003", "撤回前", _office);
        disclosure.Unpublish("2018-003", _office);
        return Published(store);
    }

    [Fact]
    public async Task A_restored_backup_shows_the_same_public_tasks_wording_and_catalogue_metadata()
    {
        var before = PublishSome(_source.Store, _source.Tasks, _source.Audit);
        Assert.Equal(2, before.Count);
        var file = Path.Combine(_scratch, "backup.zip");
        StoreBackup.Create(_source.Store, file);
        var target = Path.Combine(_scratch, "restored");

        var exit = await LuoshiArchive.Cli.LuoshiCli.RunAsync(["restore", file, .. TestDatabase.StorageOptions(target)],
            new StringWriter(), new StringWriter(), new StringReader(""));

        Assert.Equal(0, exit);
        using var restored = TestDatabase.Open(target);
        Assert.Equal(before, Published(restored));
        Assert.Equal("000125225/2018-00002", Published(restored).Single(i => i.Code == "2018-002").IndexNumber);
        Assert.Equal(3, restored.PublicTasks.Count());
    }

    [Fact]
    public void Migrating_an_embedded_store_into_postgresql_keeps_the_disclosure_records()
    {
        var folder = Path.Combine(_scratch, "embedded");
        var database = TestDatabase.NewDatabase();
        IReadOnlyList<PublicItem> before;
        using (var embedded = LiteDbStore.Open(folder, "test"))
        {
            var audit = TestAudit.For(embedded, folder, _source.Clock);
            var tasks = new TaskRegistry(embedded, new Organisation.OrganisationDirectory(embedded, audit),
                _source.Clock, audit);
            before = PublishSome(embedded, tasks, audit);
            using var shared = PgStore.Open(database, folder);
            var counts = StoreMigration.Copy(embedded, shared);
            Assert.Contains(counts, c => c is { Name: "PublicTasks", Source: 3, Target: 3 });
            Assert.Contains(counts, c => c is { Name: "DisclosureSettings", Source: 1, Target: 1 });
        }
        using var reopened = PgStore.Open(database, folder);
        Assert.Equal(before, Published(reopened));
    }
}
