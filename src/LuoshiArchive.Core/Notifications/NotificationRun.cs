namespace LuoshiArchive.Core.Notifications;

/// <summary>A run that happens once, e.g. "digest:2018-06-15": that day's digests were queued (at <see cref="At"/>).
/// </summary>
public sealed class NotificationRun
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
}
