using LuoshiArchive.Core.Accounts;
using System.IO.Compression;
using LiteDB;
using LuoshiArchive.Core.Search;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Core.Tasks;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Storage;

public sealed class BackupTests : IDisposable
{
    private readonly TempStorage _source = new(new DateOnly(2018, 5, 1));
    private readonly string _scratch = Directory.CreateTempSubdirectory("luoshi-backup-").FullName;

    private async Task<string> BackupWithEvidence()
    {
        var task = _source.Tasks.Create(new TaskDraft { Year = 2018, Name = "建立佐证材料档案", Target = "一事一档" }, Actor.Console("t"));
        await _source.Dossiers.AddAsync(new MemoryStream(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "notice.pdf"))),
            "通知.pdf", [task.Code], null, Actor.Console("t"));
        var file = Path.Combine(_scratch, "backup.zip");
        StoreBackup.Create(_source.Store, file);
        return file;
    }

    [Fact]
    public async Task A_backup_restores_into_an_empty_folder_with_the_same_tasks_and_byte_identical_evidence()
    {
        var file = await BackupWithEvidence();
        var target = Path.Combine(_scratch, "restored");

        Assert.Empty(StoreBackup.Verify(file));
        var exit = await LuoshiArchive.Cli.LuoshiCli.RunAsync(["restore", file, .. TestDatabase.StorageOptions(target)],
            new StringWriter(), new StringWriter(), new StringReader(""));
        Assert.Equal(0, exit);

        using var restored = TestDatabase.Open(target);
        Assert.Equal("一事一档", restored.Tasks.FindOne(t => t.Code == "2018-001")!.Target);
        var evidence = restored.Evidence.FindAll().Single();
        var original = Path.Combine(_source.Path, "blobs", evidence.Sha256[..2], evidence.Sha256[2..4], evidence.Sha256);
        var copy = Path.Combine(target, "blobs", evidence.Sha256[..2], evidence.Sha256[2..4], evidence.Sha256);
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(copy));
        // The SHA-512 and BLAKE3 taken at intake travel with the record (the annual bundle lists the one without
        // hashing again, and checks the original against the other).
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(copy))),
            evidence.Sha512);
        Assert.Equal(Blake3.Hasher.Hash(File.ReadAllBytes(copy)).ToString(), evidence.Blake3);
        Assert.False(File.Exists(file + ".partial"));
    }

    [Theory]
    [InlineData("altered")]
    [InlineData("deleted")]
    [InlineData("added")]
    public async Task Tampering_with_a_backup_is_detected_and_it_is_not_restored(string tampering)
    {
        var file = await BackupWithEvidence();
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            var blob = zip.Entries.First(e => e.FullName.StartsWith("blobs/", StringComparison.Ordinal) && !e.FullName.EndsWith(".txt", StringComparison.Ordinal));
            switch (tampering)
            {
                case "altered":
                    var bytes = new MemoryStream();
                    using (var s = blob.Open()) s.CopyTo(bytes);
                    var changed = bytes.ToArray();
                    changed[100] ^= 0xFF;
                    blob.Delete();
                    using (var s = zip.CreateEntry(blob.FullName).Open()) s.Write(changed);
                    break;
                case "deleted":
                    blob.Delete();
                    break;
                default:
                    using (var w = new StreamWriter(zip.CreateEntry("blobs/extra.txt").Open())) w.Write("不该有的文件");
                    break;
            }
        }

        var problem = Assert.Single(StoreBackup.Verify(file));
        Assert.Contains(tampering switch { "altered" => "改动", "deleted" => "缺少", _ => "多出" }, problem);
        var target = Path.Combine(_scratch, "restored");
        Assert.Throws<DomainRuleException>(() => StoreBackup.Restore(file, target));
        Assert.False(Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any());
    }

    [Fact]
    public async Task Restoring_over_existing_data_is_refused()
    {
        var file = await BackupWithEvidence();
        var error = Assert.Throws<DomainRuleException>(() => StoreBackup.Restore(file, _source.Path));
        Assert.Contains("不是空的", error.Message);
    }

    [Fact]
    public void A_store_written_before_the_schema_was_recorded_is_backed_up_then_upgraded()
    {
        var old = Path.Combine(_scratch, "old-store");
        Directory.CreateDirectory(old);
        // Schema 1 fixture: a store as the first builds wrote it, with data and no "meta" record.
        using (var db = new LiteDatabase(Path.Combine(old, LiteDbStore.DatabaseFileName)))
        {
            db.GetCollection("tasks").Insert(new BsonDocument
            {
                ["_id"] = 1, ["Code"] = "2018-001", ["Year"] = 2018, ["Name"] = "旧版本的任务", ["ListKind"] = "Comprehensive",
                ["Source"] = "Municipal", ["Target"] = "", ["Standard"] = "", ["Status"] = "InProgress", ["Deadline"] = "2018-12-31",
                ["Milestones"] = new BsonArray(), ["CooperatingDepartmentIds"] = new BsonArray(), ["AddedOn"] = "2018-01-01",
            });
        }

        using (var store = LiteDbStore.Open(old, "test"))
        {
            Assert.Equal("旧版本的任务", store.Tasks.FindOne(t => t.Code == "2018-001")!.Name);
            Assert.Equal(new DateOnly(2018, 12, 31), store.Tasks.FindOne(t => t.Code == "2018-001")!.Deadline);
        }
        var backup = Assert.Single(Directory.GetFiles(Path.Combine(old, "backups"), $"auto-before-schema-1-to-{LiteDbStore.SchemaVersion}-*.zip"));
        Assert.Empty(StoreBackup.Verify(backup));
        using (LiteDbStore.Open(old, "test")) { }
        Assert.Single(Directory.GetFiles(Path.Combine(old, "backups"))); // upgraded once, no second backup
    }

    [Fact]
    public void A_store_from_a_newer_build_is_refused_untouched()
    {
        var newer = Path.Combine(_scratch, "newer-store");
        Directory.CreateDirectory(newer);
        var dbFile = Path.Combine(newer, LiteDbStore.DatabaseFileName);
        using (var db = new LiteDatabase(dbFile))
            db.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "schema", ["Version"] = 99 });
        var before = File.ReadAllBytes(dbFile);

        var error = Assert.Throws<SchemaTooNewException>(() => LiteDbStore.Open(newer, "test"));

        Assert.Contains("较新的版本", error.Message);
        Assert.Equal(before, File.ReadAllBytes(dbFile));
        using (LiteDbStore.Open(Path.Combine(_scratch, "fresh"), "test")) { } // and the lock was released on the way out
    }

    public void Dispose()
    {
        _source.Dispose();
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { }
    }
}
