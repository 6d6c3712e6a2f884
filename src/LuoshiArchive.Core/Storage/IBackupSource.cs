namespace LuoshiArchive.Core.Storage;

/// <summary>The engine's side of a whole-store backup (<see cref="StoreBackup"/>): a consistent snapshot of the records.</summary>
public interface IBackupSource
{
    /// <summary>The storage folder: blobs, texts, requests, automatic backups.</summary>
    string StoragePath { get; }

    /// <summary>The shape of the data this build writes (the engine's schema version).</summary>
    int SchemaVersion { get; }

    /// <summary>The name of the snapshot inside the backup ZIP, e.g. <c>luoshi.db</c>.</summary>
    string SnapshotName { get; }

    /// <summary>Writes every record, as of one point in time, to <paramref name="file"/>; writers are not stopped.</summary>
    void WriteSnapshot(string file);
}
