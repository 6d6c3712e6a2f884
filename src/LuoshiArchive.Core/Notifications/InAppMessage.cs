namespace LuoshiArchive.Core.Notifications;

/// <summary>A 站内消息: the same notice as the e-mail, kept for the account in the app, read or unread.</summary>
public sealed class InAppMessage
{
    public int Id { get; set; }
    /// <summary>Unique like the outbox key, so a notice is delivered in the app once.</summary>
    public string Key { get; set; } = "";
    public NoticeKind Kind { get; set; }
    public int UserId { get; set; }
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>Site-relative link to what the notice is about, e.g. /Tasks/2018-001.</summary>
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
