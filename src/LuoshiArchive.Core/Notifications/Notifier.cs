using LuoshiArchive.Core.Accounts;
using LuoshiArchive.Core.OfficialDocuments;
using LuoshiArchive.Core.Organisation;
using LuoshiArchive.Core.Supervision;

namespace LuoshiArchive.Core.Notifications;

/// <summary>
/// Decides who is told what, and puts each notice in the outbox (accounts with an e-mail address) and in the
/// account's 站内消息, once: a notice's key is unique and checked under a write lock, so running this again, on
/// another web node, after a restart or from the CLI, queues nothing twice. Notices are derived from what is stored
/// (orders, issued documents, reminders), so a stop between a change and its notice only delays the notice to the
/// next run.
/// </summary>
public sealed class Notifier(NotificationStore notices, AccountService accounts, Reminders reminders,
    SupervisionService orders, OfficialDocumentService documents, OrganisationDirectory directory,
    Tasks.TaskRegistry tasks, NoticeComposer composer, TimeProvider clock)
{
    /// <summary>How far back a run looks for orders and documents it has not told anyone about yet.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(3);
    private readonly Lock _queueing = new();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Whether <paramref name="day"/>'s digests were queued (by the web app's schedule or the CLI).</summary>
    public bool DigestsQueued(DateOnly day) => notices.HasRun(DigestRun(day));

    /// <summary>
    /// Queues the day's 催办 digest for every active account that wants one and has something due within 7 days or
    /// overdue (a department user: their department's; the office and leaders: all). Returns how many were queued.
    /// </summary>
    public int QueueDigests(DateOnly day)
    {
        lock (_queueing)
        {
            if (notices.HasRun(DigestRun(day))) return 0;
            var queued = 0;
            foreach (var account in accounts.All().Where(a => !a.Disabled && a.WantsDailyDigest))
            {
                var due = reminders.Due(Reminders.DefaultDays, Actor.For(account));
                if (due.Count == 0) continue;
                var department = directory.DepartmentName(account.DepartmentId);
                if (Queue(account, composer.Digest(account, department, day, due))) queued++;
            }
            notices.RecordRun(DigestRun(day), clock.GetUtcNow().UtcDateTime);
            return queued;
        }
    }

    /// <summary>
    /// Queues a notice for every 督办单 issued and every document issued lately (<see cref="LookBack"/>) to the
    /// department users of the department concerned who want immediate notices. Returns how many were queued.
    /// </summary>
    public int QueueNewNotices()
    {
        lock (_queueing)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = DateOnly.FromDateTime(now - LookBack);
            var listening = accounts.All().Where(a => !a.Disabled && a.WantsImmediateNotices
                                                      && a.Role == UserRole.DepartmentUser
                                                      && a.DepartmentId is not null).ToList();
            if (listening.Count == 0) return 0;
            var queued = 0;
            foreach (var order in orders.List().TakeWhile(o => o.IssuedOn >= since).Where(o => o.IsOutstanding))
            {
                var department = directory.DepartmentName(order.DepartmentId);
                var taskName = tasks.Find(order.TaskCode)?.Name ?? order.TaskCode;
                foreach (var account in listening.Where(a => a.DepartmentId == order.DepartmentId))
                    if (Queue(account, composer.Order(account, order, department, taskName))) queued++;
            }
            foreach (var document in documents.List().Where(d => d.IsIssued && d.IssuedAt >= now - LookBack))
            {
                var named = documents.TasksOf(document);
                foreach (var account in listening)
                {
                    var mine = account.DepartmentId!.Value;
                    var concerned = named
                        .Where(t => t.LeadDepartmentId == mine || t.CooperatingDepartmentIds.Contains(mine)).ToList();
                    if (concerned.Count == 0) continue;
                    var department = directory.DepartmentName(account.DepartmentId);
                    var notice = composer.Document(account, document, department, concerned);
                    if (Queue(account, notice)) queued++;
                }
            }
            return queued;
        }
    }

    /// <summary>Puts the notice in the account's 站内消息 and, with an address, in the outbox; false if it was.</summary>
    private bool Queue(UserAccount account, ComposedNotice notice)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mail = account.Email.Length == 0 ? null : new OutboxMessage
        {
            Key = notice.Key, Kind = notice.Kind, UserId = account.Id, To = account.Email, Subject = notice.Subject,
            Text = notice.Text, Html = notice.Html, State = OutboxState.Queued, NextAttemptAt = now, CreatedAt = now,
        };
        return notices.Add(mail, new InAppMessage
        {
            Key = notice.Key, Kind = notice.Kind, UserId = account.Id, Subject = notice.Subject,
            Text = notice.Text.Replace(NoticeComposer.Footer, "").TrimEnd(), Link = notice.Link, CreatedAt = now,
        });
    }

    private static string DigestRun(DateOnly day) => $"digest:{day:yyyy-MM-dd}";
}
