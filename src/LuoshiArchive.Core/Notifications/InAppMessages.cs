using LuoshiArchive.Core.Accounts;

namespace LuoshiArchive.Core.Notifications;

/// <summary>站内消息: an account's notices in the app, newest first, with the unread count shown in the header.</summary>
public sealed class InAppMessages(NotificationStore notices, AccountService accounts, TimeProvider clock)
{
    public const int ListLimit = 200;

    public IReadOnlyList<InAppMessage> Of(string accountName) =>
        accounts.Find(accountName) is { } account ? notices.InboxOf(account.Id, ListLimit) : [];

    public int Unread(string accountName) =>
        accounts.Find(accountName) is { } account ? notices.UnreadCount(account.Id) : 0;

    /// <summary>Marks one of the account's own messages read; another account's message is not found.</summary>
    public InAppMessage? Open(int id, string accountName)
    {
        var account = accounts.Find(accountName);
        var message = notices.Message(id);
        if (account is null || message is null || message.UserId != account.Id) return null;
        if (message.ReadAt is null)
        {
            message.ReadAt = clock.GetUtcNow().UtcDateTime;
            notices.Update(message);
        }
        return message;
    }

    public int MarkAllRead(string accountName)
    {
        var marked = 0;
        foreach (var message in Of(accountName).Where(m => m.ReadAt is null))
            if (Open(message.Id, accountName) is not null) marked++;
        return marked;
    }
}
