using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Storage.LiteDb;

/// <summary>
/// An exclusive lock on the storage folder, held for the life of the process that writes to it. LiteDB in direct mode
/// must have one writer; a second process gets a clear "storage is in use by …" instead of a hang or a corrupt file.
/// .NET on Linux takes an flock on a file opened with FileShare.None, released by the kernel if the process dies.
/// </summary>
public sealed class StorageLock : IDisposable
{
    private const string LockFileName = "luoshi.lock";
    private const string OwnerFileName = "luoshi.lock.owner";
    private readonly FileStream _lockFile;

    private StorageLock(FileStream lockFile) => _lockFile = lockFile;

    public static StorageLock Acquire(string storagePath, string ownerDescription)
    {
        Directory.CreateDirectory(storagePath);
        var lockPath = Path.Combine(storagePath, LockFileName);
        var ownerPath = Path.Combine(storagePath, OwnerFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "另一个进程";
            throw new StorageInUseException(
                $"storage is in use by {owner}：数据目录 {storagePath} 正被该进程使用。请先关闭它，或用 --storage 指定其他数据目录。");
        }
        // The folder is ours now: what a killed process left half-written in storage/tmp belongs to no one.
        BlobStore.RemoveLeftovers(storagePath);
        File.WriteAllText(ownerPath,
            $"{ownerDescription} (pid {Environment.ProcessId}, {Environment.MachineName}, since {DateTime.Now:yyyy-MM-dd HH:mm})");
        return new StorageLock(stream);
    }

    public void Dispose() => _lockFile.Dispose();
}
