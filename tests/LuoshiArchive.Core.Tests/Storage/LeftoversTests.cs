using LuoshiArchive.Core.Storage;
using LuoshiArchive.Storage.LiteDb;

namespace LuoshiArchive.Core.Tests.Storage;

/// <summary>What a killed ingest or upload left in storage/tmp is removed when the store is next opened.</summary>
public sealed class LeftoversTests : IDisposable
{
    private readonly string _storage = Directory.CreateTempSubdirectory("luoshi-leftovers-").FullName;

    [Fact]
    public void Opening_the_store_removes_half_written_files_from_tmp_and_keeps_the_blobs()
    {
        using (LiteDbStore.Open(_storage, "test")) { }
        var tmp = Path.Combine(_storage, "tmp");
        Directory.CreateDirectory(tmp);
        File.WriteAllBytes(Path.Combine(tmp, "upload-0123456789abcdef"), new byte[4096]);
        File.WriteAllText(Path.Combine(tmp, "write-fedcba9876543210"), "半截文字");
        var blob = Path.Combine(_storage, "blobs", "ab", "cd", new string('a', 64));
        Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        File.WriteAllText(blob, "原件");

        using (LiteDbStore.Open(_storage, "test")) { }

        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
        Assert.True(File.Exists(blob));
    }

    [Fact]
    public void A_second_opener_refused_by_the_lock_leaves_the_holders_files_alone()
    {
        using var holder = LiteDbStore.Open(_storage, "holder");
        var staged = Path.Combine(_storage, "tmp", "upload-in-progress");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "正在上传");

        Assert.Throws<StorageInUseException>(() => LiteDbStore.Open(_storage, "second"));
        Assert.True(File.Exists(staged));
    }

    public void Dispose()
    {
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }
}
