namespace LuoshiArchive.Core.Notifications;

/// <summary>
/// Where notices are kept: the outbox, the 站内消息, and the record of which days' digests were made. What must happen
/// once however many processes share the store (queueing a notice, taking a message to send) runs in a transaction
/// under <see cref="Storage.IUnitOfWork.LockForWrite"/>, so two web nodes or a node and the CLI take turns.
/// </summary>
public sealed class NotificationStore(INotificationStore store)
{
    private const string QueueLock = "notifications:queue";
    private const string OutboxLock = "notifications:outbox";

    /// <summary>
    /// Adds a notice's e-mail (if any) and its 站内消息 together, unless a notice with its key exists; false then.
    /// </summary>
    public bool Add(OutboxMessage? mail, InAppMessage message) => store.InTransaction(() =>
    {
        store.LockForWrite(QueueLock);
        var key = message.Key;
        if (store.Inbox.FindOne(m => m.Key == key) is not null || store.Outbox.FindOne(m => m.Key == key) is not null)
            return false;
        if (mail is not null) store.Outbox.Insert(mail);
        store.Inbox.Insert(message);
        return true;
    });

    /// <summary>
    /// Takes the oldest queued message whose time has come and that nobody else holds, for <paramref name="holder"/>
    /// until <paramref name="claimUntil"/>; null when there is none.
    /// </summary>
    public OutboxMessage? ClaimNext(string holder, DateTime now, DateTime claimUntil) => store.InTransaction(() =>
    {
        store.LockForWrite(OutboxLock);
        var message = Due(now).FirstOrDefault();
        if (message is null) return null;
        message.ClaimedBy = holder;
        message.ClaimedUntil = claimUntil;
        store.Outbox.Update(message);
        return message;
    });

    /// <summary>Gives back a claim that was not used (the sender stopped before the relay answered).</summary>
    public void Release(OutboxMessage message, string holder) => store.InTransaction(() =>
    {
        store.LockForWrite(OutboxLock);
        if (store.Outbox.FindById(message.Id) is not { } stored || stored.ClaimedBy != holder) return;
        stored.ClaimedBy = "";
        stored.ClaimedUntil = null;
        store.Outbox.Update(stored);
    });

    /// <summary>Records the outcome of an attempt and ends the claim.</summary>
    public void Record(OutboxMessage message) => store.InTransaction(() =>
    {
        store.LockForWrite(OutboxLock);
        message.ClaimedBy = "";
        message.ClaimedUntil = null;
        store.Outbox.Update(message);
    });

    /// <summary>Queued messages whose time has come and that no sender holds, oldest first.</summary>
    public IReadOnlyList<OutboxMessage> Due(DateTime now) =>
        store.Outbox.Find(m => m.State == OutboxState.Queued)
            .Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil is null || m.ClaimedUntil <= now))
            .OrderBy(m => m.Id).ToList();

    public IReadOnlyList<OutboxMessage> Outbox(bool includeSent) =>
        (includeSent ? store.Outbox.FindAll() : store.Outbox.Find(m => m.State != OutboxState.Sent))
            .OrderBy(m => m.Id).ToList();

    public IReadOnlyList<InAppMessage> InboxOf(int userId, int limit) =>
        store.Inbox.Find(m => m.UserId == userId).OrderByDescending(m => m.Id).Take(limit).ToList();

    public int UnreadCount(int userId) => store.Inbox.Find(m => m.UserId == userId && m.ReadAt == null).Count();

    public InAppMessage? Message(int id) => store.Inbox.FindById(id);

    public void Update(InAppMessage message) => store.Inbox.Update(message);

    public bool HasRun(string name) => store.NotificationRuns.FindOne(r => r.Name == name) is not null;

    /// <summary>Records that the run <paramref name="name"/> happened (once; recording it again changes nothing).
    /// </summary>
    public void RecordRun(string name, DateTime at) => store.InTransaction(() =>
    {
        store.LockForWrite(QueueLock);
        if (!HasRun(name)) store.NotificationRuns.Insert(new NotificationRun { Name = name, At = at });
    });
}
