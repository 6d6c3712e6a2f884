using LuoshiArchive.Core.Storage;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>Takes the backups that <c>luoshi backup</c> asks for while this app holds the store (see BackupRequests).</summary>
public sealed class BackupRequestWatcher(
    IBackupSource store, Core.Audit.AuditLog audit, ILogger<BackupRequestWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var served = await Task.Run(
                    () => BackupRequests.ServePending(store, () => audit.Head().ToJson()), stoppingToken);
                if (served > 0) logger.LogInformation("Served {Count} backup request(s)", served);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Backup request failed");
            }
            await Task.Delay(Poll, stoppingToken);
        }
    }
}
