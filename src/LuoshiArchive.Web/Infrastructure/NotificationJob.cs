using LuoshiArchive.Core;
using LuoshiArchive.Core.Notifications;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// The web app's notification schedule: every <see cref="LuoshiOptions.NotifyInterval"/> it queues notices of new
/// 督办单 and issued documents, from <see cref="LuoshiOptions.DigestTime"/> on the day's 催办 digests (once a day), and
/// sends what the outbox holds. Everything it does is recorded in the store first, so a restart picks up where it was.
/// </summary>
public sealed class NotificationJob(Notifier notifier, MailOutbox outbox, LuoshiOptions options, TimeProvider clock,
    ILogger<NotificationJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Notification run failed");
            }
            await Task.Delay(options.NotifyInterval, stoppingToken);
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var queued = await Task.Run(() =>
        {
            var count = notifier.QueueNewNotices();
            var now = clock.GetLocalNow();
            var today = DateOnly.FromDateTime(now.DateTime);
            if (now.TimeOfDay >= options.DigestTime && !notifier.DigestsQueued(today))
                count += notifier.QueueDigests(today);
            return count;
        }, cancellationToken);
        if (queued > 0) logger.LogInformation("Queued {Count} notice(s)", queued);
        var report = await outbox.SendDueAsync(cancellationToken);
        if (report.Sent + report.Failed + report.StillQueued > 0)
            logger.LogInformation(
                "Mail: {Sent} sent, {Failed} failed, {Queued} still queued (relay configured: {Configured})",
                report.Sent, report.Failed, report.StillQueued, report.Configured);
    }
}
