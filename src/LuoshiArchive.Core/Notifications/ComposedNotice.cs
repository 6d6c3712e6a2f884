namespace LuoshiArchive.Core.Notifications;

/// <summary>One notice for one account in both forms, plain text and HTML, with absolute links in the mail.</summary>
public sealed record ComposedNotice(string Key, NoticeKind Kind, string Subject, string Text, string Html,
    string Link);
