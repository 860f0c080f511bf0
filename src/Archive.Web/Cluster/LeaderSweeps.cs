using Archive.Data;
using Archive.Data.Cluster;

namespace Archive.Web.Cluster;

/// What a killed process can leave behind is cleared by the cluster's leading node: spreadsheet imports whose process
/// died part-way are undone (once a minute), files of uploads whose item was never written are deleted (every few hours).
public sealed class LeaderSweeps(ClusterLeadership leadership, Archive.Spreadsheets.Importing.SpreadsheetImporter imports, IServiceScopeFactory scopes,
    StartupState startup, TimeProvider clock, ILogger<LeaderSweeps> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan OrphansInterval = TimeSpan.FromHours(6);
    private DateTimeOffset _orphansSwept = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitAsync(stoppingToken))
            return;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (!leadership.IsLeader)
                continue;
            try
            {
                if (await imports.UndoAbandonedAsync(stoppingToken) is var undone and > 0)
                    logger.LogWarning("Undid {Count} spreadsheet imports whose process stopped part-way", undone);
                if (clock.GetUtcNow() - _orphansSwept > OrphansInterval)
                {
                    _orphansSwept = clock.GetUtcNow();
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<Archive.Media.Library.MediaOrphans>().SweepAsync(stoppingToken) is var orphans and > 0)
                        logger.LogWarning("Deleted {Count} stored files whose upload never became a media item", orphans);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sweeping abandoned work failed; tried again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
