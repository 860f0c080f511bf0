using Archive.Data;
using Archive.Data.Content;

namespace Archive.Web.Hosting;

/// Carries out scheduled publishing and unpublishing once a minute, on the cluster's leading node only (each
/// schedule is claimed as well, so a leader that changes mid-round cannot carry one out twice).
public sealed class ScheduledPublishing(IServiceProvider services, StartupState state, Archive.Data.Cluster.ClusterLeadership leadership,
    ILogger<ScheduledPublishing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await state.WaitAsync(stoppingToken))
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            if (!leadership.IsLeader)
                continue;
            try
            {
                await using var scope = services.CreateAsyncScope();
                var results = await scope.ServiceProvider.GetRequiredService<ContentService>().RunDueSchedulesAsync(stoppingToken);
                foreach (var result in results)
                    if (result.Succeeded)
                        logger.LogInformation("Scheduled change carried out for {Key}", result.Key);
                    else
                        logger.LogWarning("Scheduled change failed: {Result}", result.ToString());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled publishing failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
