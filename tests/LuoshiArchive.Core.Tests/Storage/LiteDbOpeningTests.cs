using System.Collections.Concurrent;
using LiteDB;
using LuoshiArchive.Core.Dossiers;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Storage;

/// <summary>
/// The embedded store opens a collection on its first use (issue 24: a command that reads two collections does not
/// build the mapping of thirty). What must not change with that: a new or upgraded store has every index before any
/// transaction, and computed properties are still not stored.
/// </summary>
public sealed class LiteDbOpeningTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("luoshi-opening-").FullName;

    [Fact]
    public void A_new_store_has_every_index_as_soon_as_it_is_opened_even_for_collections_not_used_yet()
    {
        var folder = Path.Combine(_scratch, "new");
        using (LiteDbStore.Open(folder, "test")) { }

        using var db = new LiteDatabase(Path.Combine(folder, LiteDbStore.DatabaseFileName));
        Assert.Superset(new HashSet<string> { "Sha256", "task", "RenditionOf", "Revision" },
            IndexNames(db, "evidence"));
        Assert.Superset(new HashSet<string> { "Code", "Year", "ParentId" }, IndexNames(db, "tasks"));
        Assert.Contains("Key", IndexNames(db, "outbox"));
        Assert.Contains("Number", IndexNames(db, "document_numbers"));
    }

    [Fact]
    public void A_store_upgraded_from_an_old_build_gets_the_indexes_of_the_collections_it_never_had()
    {
        var folder = Path.Combine(_scratch, "old");
        Directory.CreateDirectory(folder);
        using (var old = new LiteDatabase(Path.Combine(folder, LiteDbStore.DatabaseFileName)))
        {
            old.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "schema", ["Version"] = 3 });
            old.GetCollection("tasks")
                .Insert(new BsonDocument { ["_id"] = 1, ["Code"] = "2018-001", ["Name"] = "旧任务" });
        }

        using (LiteDbStore.Open(folder, "test")) { }

        using var db = new LiteDatabase(Path.Combine(folder, LiteDbStore.DatabaseFileName));
        Assert.Contains("Key", IndexNames(db, "outbox")); // a collection schema 4 added
        Assert.Contains("UserId", IndexNames(db, "inbox"));
        Assert.Contains("Code", IndexNames(db, "tasks"));
    }

    [Fact]
    public void Computed_properties_are_not_stored_and_the_stored_ones_are()
    {
        var folder = Path.Combine(_scratch, "computed");
        using (var store = LiteDbStore.Open(folder, "test"))
        {
            store.Tasks.Insert(new KeyTask
            {
                Code = "2018-001", Year = 2018, Name = "建立清单",
                Milestones = [new Milestone { Due = new DateOnly(2018, 3, 1), Description = "提出方案" }],
            });
            store.Evidence.Insert(
                new Evidence { Sha256 = new string('a', 64), Title = "通知", OriginalFileName = "通知.pdf" });
        }

        using var db = new LiteDatabase(Path.Combine(folder, LiteDbStore.DatabaseFileName));
        var task = db.GetCollection("tasks").FindAll().Single();
        Assert.Equal("建立清单", task["Name"].AsString);
        Assert.False(task.ContainsKey("IsComplete"));
        var milestone = task["Milestones"].AsArray.Single().AsDocument;
        Assert.Equal("提出方案", milestone["Description"].AsString);
        Assert.False(milestone.ContainsKey("AwaitsEvidence"));
        Assert.False(milestone.ContainsKey("WasDoneLate"));
        var evidence = db.GetCollection("evidence").FindAll().Single();
        Assert.Equal("通知", evidence["Title"].AsString);
        Assert.False(evidence.ContainsKey("IsRemoved"));
    }

    [Fact]
    public void Threads_that_use_collections_for_the_first_time_at_once_all_get_their_answer()
    {
        // LiteDB publishes a type's mapping before filling it in: a query on another thread could meet it half built
        // ("Member RenditionOf not found on BsonMapper", seen when two ingest batches first queried the evidence).
        for (var round = 0; round < 10; round++)
        {
            var folder = Path.Combine(_scratch, "race-" + round);
            using (LiteDbStore.Open(folder, "test")) { } // made; the next open is lazy
            using var store = LiteDbStore.Open(folder, "test");
            using var start = new Barrier(8);
            var errors = new ConcurrentBag<Exception>();
            var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    _ = i % 2 == 0
                        ? store.Evidence.Find(e => e.RenditionOf == 1 && e.Revision > 0).Count()
                        : store.Tasks.Find(t => t.ParentId == 1 && t.Year == 2018).Count();
                }
                catch (Exception e)
                {
                    errors.Add(e);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Empty(errors);
        }
    }

    private static HashSet<string> IndexNames(LiteDatabase db, string collection) =>
        db.GetCollection("$indexes").FindAll().Where(i => i["collection"].AsString == collection)
            .Select(i => i["name"].AsString).ToHashSet();

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
