using LuoshiArchive.Core.Archive;
using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;
using LuoshiArchive.Storage.Postgres;

namespace LuoshiArchive.Cli;

/// <summary>
/// The database half of <c>luoshi restore --database CONN</c>: the backup's files are in the storage folder; its
/// records go into the (empty) PostgreSQL database — from a PostgreSQL snapshot, or copied from an embedded backup.
/// </summary>
internal static class DatabaseRestore
{
    public static void Load(CliContext context)
    {
        var store = (PgStore)context.Store;
        var snapshot = Path.Combine(context.StoragePath, PgStore.SnapshotFileName);
        var embedded = Path.Combine(context.StoragePath, LiteDbStore.DatabaseFileName);
        if (File.Exists(snapshot))
        {
            store.LoadSnapshot(snapshot);
            File.Delete(snapshot);
        }
        else if (File.Exists(embedded))
        {
            using (var source = LiteDbStore.Open(context.StoragePath, "luoshi restore"))
                StoreMigration.Copy(source, store);
            File.Delete(embedded);
        }
        else throw new Core.DomainRuleException("备份中没有数据库快照，无法恢复记录。");
    }
}
