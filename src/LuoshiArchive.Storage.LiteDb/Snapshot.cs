using LiteDB;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>The database part of a backup: a copy of the LiteDB file as of one point in time.</summary>
internal static class Snapshot
{
    /// <summary>Copies every collection as raw documents inside one read transaction: a consistent point in time.</summary>
    public static void Write(LiteDatabase source, string snapshotPath)
    {
        using var target = new LiteDatabase(new ConnectionString { Filename = snapshotPath, Connection = ConnectionType.Direct });
        source.BeginTrans();
        try
        {
            foreach (var name in source.GetCollectionNames())
            {
                var documents = source.GetCollection(name).FindAll().ToList();
                if (documents.Count > 0) target.GetCollection(name).InsertBulk(documents);
                else target.GetCollection(name).EnsureIndex("_id");
            }
        }
        finally
        {
            source.Rollback();
        }
        target.Checkpoint();
    }
}
