using LiteDB;
using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>
/// Brings an older store up to <see cref="LiteDbStore.SchemaVersion"/> when a newer build opens it, after taking an
/// automatic backup (storage/backups/); refuses a store written by a newer build.
/// </summary>
internal static class SchemaUpgrades
{
    private const string MetaCollection = "meta";
    private const string SchemaKey = "schema";

    /// <summary>Upgrade steps by the version they start from. Each must be idempotent: a crash can repeat it.</summary>
    private static readonly Dictionary<int, Action<LiteDatabase>> Steps = new()
    {
        // 1 → 2: nothing in the documents changed; from now on the version is recorded.
        [1] = _ => { },
        // 2 → 3: new collections only, and milestone fields whose absence means "no proof recorded".
        [2] = _ => { },
        // 3 → 4: new collections (outbox, inbox, notification_runs) and account fields whose absence means "no e-mail".
        [3] = _ => { },
    };

    public static void Apply(LiteDbStore store)
    {
        var db = store.Database;
        var found = Read(db);
        if (found == LiteDbStore.SchemaVersion) return;
        if (found > 0)
        {
            var backups = Path.Combine(store.StoragePath, "backups");
            Directory.CreateDirectory(backups);
            StoreBackup.Create(store, Path.Combine(backups, $"auto-before-schema-{found}-to-{LiteDbStore.SchemaVersion}-{DateTime.UtcNow:yyyyMMddHHmmss}.zip"));
            for (var version = found; version < LiteDbStore.SchemaVersion; version++) Steps[version](db);
        }
        // New collections and indexes are made now, before any transaction uses them.
        store.OpenEveryCollection();
        Write(db, LiteDbStore.SchemaVersion);
    }

    /// <summary>The recorded version; 1 for a store with data but no record; 0 for a new, empty store.</summary>
    public static int Read(LiteDatabase db)
    {
        var meta = db.GetCollection(MetaCollection).FindById(SchemaKey);
        if (meta is not null) return meta["Version"].AsInt32;
        return db.GetCollectionNames().Any(name => name != MetaCollection && db.GetCollection(name).Count() > 0) ? 1 : 0;
    }

    private static void Write(LiteDatabase db, int version) =>
        db.GetCollection(MetaCollection).Upsert(new BsonDocument { ["_id"] = SchemaKey, ["Version"] = version });
}
