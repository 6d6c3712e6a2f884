using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LuoshiArchive.Core.Storage;

/// <summary>
/// Linux's <c>syncfs(2)</c>: writes out every dirty page and inode of one file system, with one cache flush.
/// </summary>
internal static class FileSystemSync
{
    /// <summary>0 when the file system holding <paramref name="file"/> was synced; -1 when the call failed.</summary>
    public static int SyncFs(SafeFileHandle file)
    {
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            return syncfs((int)file.DangerousGetHandle());
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return -1;
        }
        finally
        {
            if (added) file.DangerousRelease();
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int syncfs(int fd);
}
