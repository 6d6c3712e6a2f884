namespace LuoshiArchive.Core.Notifications;

/// <summary>
/// One e-mail waiting in, or gone through, the outbox. It is written before any attempt to send, so a stop at any
/// moment leaves it queued for the next run; <see cref="Key"/> is unique, so the same notice is never queued twice.
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    /// <summary>
    /// What the message is about, unique: "digest:2018-06-15:user:3", "order:12:user:3", "document:5:user:3".
    /// </summary>
    public string Key { get; set; } = "";
    public NoticeKind Kind { get; set; }
    public int UserId { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    /// <summary>UTC; not tried again before then (backoff after a failed attempt).</summary>
    public DateTime NextAttemptAt { get; set; }
    /// <summary>Why the last attempt failed, in the relay's words with our explanation.</summary>
    public string LastError { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>
    /// The sender (process) that took the message to send it now; while <see cref="ClaimedUntil"/> is ahead, no other
    /// sender takes it. A sender that stops gives its claim back; one that dies leaves it to expire.
    /// </summary>
    public string ClaimedBy { get; set; } = "";
    /// <summary>UTC; null: not claimed.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>
/// Queued: to be sent (again) at <see cref="OutboxMessage.NextAttemptAt"/>. Sent: accepted by the relay.
/// Failed: given up.
/// </summary>
public enum OutboxState
{
    Queued,
    Sent,
    Failed,
}

/// <summary>What a notice is about.</summary>
public enum NoticeKind
{
    /// <summary>每日催办汇总</summary>
    Digest,
    /// <summary>督办单</summary>
    SupervisionOrder,
    /// <summary>印发的公文</summary>
    Document,
}
