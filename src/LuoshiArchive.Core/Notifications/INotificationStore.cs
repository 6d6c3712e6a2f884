using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Core.Notifications;

/// <summary>The records of the notices: the mail outbox, the 站内消息, and which days' digests were made.</summary>
public interface INotificationStore : IUnitOfWork
{
    /// <summary>Mail to send or sent, unique by <see cref="OutboxMessage.Key"/>, looked up by state.</summary>
    IRecords<OutboxMessage> Outbox { get; }

    /// <summary>站内消息, unique by <see cref="InAppMessage.Key"/>, looked up by account.</summary>
    IRecords<InAppMessage> Inbox { get; }

    /// <summary>The runs that happen once (a day's digests), unique by name.</summary>
    IRecords<NotificationRun> NotificationRuns { get; }
}
