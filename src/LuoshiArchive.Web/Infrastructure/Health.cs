using LuoshiArchive.Core;
using LuoshiArchive.Core.Search;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// <c>GET /health</c> for a monitor: no sign-in and no data, only whether the store and the index answer and whether
/// disk is low; how many bytes are free only to a signed-in administrator. 200 when healthy, 503 when not.
/// </summary>
public static class Health
{
    public const long LowDiskBytes = 1L * 1024 * 1024 * 1024;

    public static IResult Check(ILuoshiStore store, EvidenceIndex index, bool administrator)
    {
        var storeOk = Try(() => store.Tasks.Count() >= 0);
        var indexOk = Try(() => index.Count >= 0);
        var free = new DriveInfo(Path.GetPathRoot(store.StoragePath)!).AvailableFreeSpace;
        var diskOk = free > LowDiskBytes;
        var healthy = storeOk && indexOk && diskOk;
        return Results.Json(new
        {
            status = healthy ? "ok" : "degraded",
            store = storeOk ? "ok" : "error",
            index = indexOk ? "ok" : "error",
            disk = administrator ? (object)new { freeBytes = free, status = diskOk ? "ok" : "low" } : new { status = diskOk ? "ok" : "low" },
            schemaVersion = store.SchemaVersion,
        }, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static bool Try(Func<bool> probe)
    {
        try { return probe(); }
        catch (Exception) { return false; }
    }
}
