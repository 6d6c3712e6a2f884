using LuoshiArchive.Core.Dossiers;

namespace LuoshiArchive.Web.Infrastructure;

/// <summary>
/// At start-up, brings the search index up to the store: nothing to read on an unchanged store; what changed since the
/// index's recorded mark after a crash between "metadata saved" and "indexed"; every id compared for a new or deleted
/// index folder. Runs in the background so the site answers at once; searches fill in as it goes.
/// </summary>
public sealed class IndexRepairAtStartup(DossierService dossiers, ILogger<IndexRepairAtStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var repaired = dossiers.BringIndexUpToDate();
            if (repaired > 0) logger.LogInformation("Search index repaired: {Count} evidence items re-indexed or removed", repaired);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Search index repair failed; run `luoshi reindex` to rebuild it");
        }
    }, stoppingToken);
}
