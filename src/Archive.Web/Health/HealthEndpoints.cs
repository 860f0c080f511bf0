using Archive.Data;
using Archive.Data.Publishing;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Archive.Web.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// Readiness is a list of checks; later parts (the cache, the index) add theirs with the "ready" tag.
    public static IServiceCollection AddArchiveHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StartupCheck>("startup", tags: [ReadyTag])
            .AddDbContextCheck<ArchiveDbContext>("database", tags: [ReadyTag])
            .AddCheck<SearchIndexCheck>("search index", tags: [ReadyTag])
            .AddCheck<PublishedCacheCheck>("published cache", tags: [ReadyTag])
            .AddCheck<HarvestRecordsCheck>("harvest records", tags: [ReadyTag])
            .AddCheck<ChangeLogCheck>("change log", tags: [ReadyTag]);
        return services;
    }

    public static void MapArchiveHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJsonAsync,
        });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var follower = context.RequestServices.GetRequiredService<ChangeLogFollower>();
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value;
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            node = options.Cluster.EffectiveNodeName,
            leader = context.RequestServices.GetRequiredService<Archive.Data.Cluster.ClusterLeadership>().IsLeader,
            changeLog = new
            {
                head = follower.Head,
                position = follower.Position,
                lagSeconds = Math.Round(follower.LagAt(DateTime.UtcNow).TotalSeconds, 3),
            },
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }

    private sealed class SearchIndexCheck(Archive.Search.Indexing.SearchIndexProjection indexing) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(indexing.IsReady ? HealthCheckResult.Healthy("The search index is built and following the change log.")
                : HealthCheckResult.Unhealthy("The search index is being built."));
    }

    private sealed class HarvestRecordsCheck(Archive.Harvesting.Records.HarvestProjection harvest) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(harvest.Position is not null ? HealthCheckResult.Healthy("The OAI-PMH records and IIIF change stream follow the change log.")
                : HealthCheckResult.Unhealthy("The harvest records are being reconciled."));
    }

    private sealed class PublishedCacheCheck(Archive.Delivery.Cache.PublishedCache cache) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(cache.IsLoaded ? HealthCheckResult.Healthy($"{cache.Count} published items are cached and followed.")
                : HealthCheckResult.Unhealthy("The published cache is loading."));
    }

    /// Ready once every projection (cache, index, harvest records) has reached the head of the change log, and while it
    /// stays within Archive:Cluster:MaxLagSeconds of it: a node that cannot keep up is taken out of the balancer's rotation.
    private sealed class ChangeLogCheck(ChangeLogFollower follower, Microsoft.Extensions.Options.IOptions<ArchiveOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var lag = follower.LagAt(DateTime.UtcNow);
            var limit = TimeSpan.FromSeconds(options.Value.Cluster.MaxLagSeconds);
            return Task.FromResult(follower.Position is null ? HealthCheckResult.Unhealthy("Building the published cache, search index and harvest records from the database.")
                : !follower.HasCaughtUp ? HealthCheckResult.Unhealthy($"Catching up with the change log (at {follower.Position}, head {follower.Head}).")
                : lag > limit ? HealthCheckResult.Unhealthy($"{lag.TotalSeconds:0.0} s behind the change log (at {follower.Position}, head {follower.Head}).")
                : HealthCheckResult.Healthy($"Following the change log (at {follower.Position}, head {follower.Head}, {lag.TotalSeconds:0.0} s behind)."));
        }
    }

    private sealed class StartupCheck(StartupState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.IsReady ? HealthCheckResult.Healthy("Start-up work is done.")
                // What went wrong is in the log: readiness is public and says no more than that.
                : state.Failure is not null ? HealthCheckResult.Unhealthy("Start-up failed; the log says why.")
                : HealthCheckResult.Unhealthy("Start-up work (migrations, uSync import) is still running."));
    }
}
