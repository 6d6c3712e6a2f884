using LuoshiArchive.Core;
using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// With a shared store (PostgreSQL), applies the evidence other nodes and the CLI change to this node's own index,
/// at start and then every half second (<see cref="IndexFollower"/>), so that a file added on one node is found on
/// every node within about a second. Nothing to do on the embedded store.
/// </summary>
public sealed class IndexFollowing(IndexFollower follower, LuoshiOptions options, ILogger<IndexFollowing> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.OnPostgres) return;
        using var timer = new PeriodicTimer(IndexFollower.Interval);
        do
        {
            try
            {
                var applied = await Task.Run(follower.CatchUp, stoppingToken);
                if (applied > 0)
                    logger.LogDebug("Index followed {Count} evidence changes from the shared store", applied);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Following the shared store's evidence changes failed; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
