using Archive.Data;
using Archive.Search.Indexing;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Archive.Web.Search;

/// Keeps the index in step with the database by following the change log: at start it rebuilds a
/// missing or damaged index, or catches up from the position the index recorded; then it polls the
/// log, so changes made by this process, another process or another server reach the index within a second.
public sealed class SearchIndexing(IServiceProvider services, SearchIndex index, StartupState startup, IOptions<ArchiveOptions> options,
    ILogger<SearchIndexing> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
            if (!index.Exists)
                await RebuildAsync(null, stoppingToken);
            _ready.TrySetResult();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The search index could not be prepared");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (index.FollowPointer())
                    logger.LogInformation("Search index switched to a generation rebuilt by another process");
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Following the change log failed; retrying");
            }
            await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// Rebuilds from the database, streaming in batches; resumes an unfinished rebuild a killed
    /// process left (unless told to start over). Returns the items indexed and whether it resumed.
    public async Task<(int Items, bool Resumed)> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct, bool resume = true)
    {
        await using var scope = services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IndexSource>();
        using var build = index.StartBuild(await source.PositionAsync(ct), resume);
        var after = long.TryParse(build.ResumeAfter, out var cursor) ? cursor : 0;
        var total = await source.CountAsync(after, ct);
        var sinceCheckpoint = 0;
        progress?.Report((0, total));
        await foreach (var (nodes, lastId) in source.AllAsync(after, Math.Min(500, options.Value.Search.CheckpointEvery), ct))
        {
            foreach (var node in nodes)
                build.Add(node);
            progress?.Report((build.Count, total));
            if ((sinceCheckpoint += nodes.Count) >= options.Value.Search.CheckpointEvery)
            {
                build.Checkpoint(lastId.ToString());
                sinceCheckpoint = 0;
            }
        }
        build.Complete();
        logger.LogInformation("Search index rebuilt: {Items} items at change {Position}{Resumed}", build.Count, build.Position,
            build.ResumeAfter is null ? "" : $", resuming after item {build.ResumeAfter}");
        return (build.Count, build.ResumeAfter is not null);
    }

    /// Applies every change logged since the index's position.
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var changes = await db.ChangeLog.AsNoTracking().Where(c => c.Id > index.Position).OrderBy(c => c.Id).Take(5000)
            .Select(c => new { c.Id, c.EntityType, c.Key }).ToListAsync(ct);
        if (changes.Count == 0)
            return;
        if (changes.Any(c => c.EntityType == ChangeTypes.Schema))
        {
            await RebuildAsync(null, ct);
            return;
        }
        var source = scope.ServiceProvider.GetRequiredService<IndexSource>();
        var keys = changes.Select(c => c.Key).ToHashSet();
        // An exhibition's objects carry it as a facet: those it showed and those it shows now are re-read.
        foreach (var key in keys.ToList())
            keys.UnionWith(index.KeysWithFacet(Archive.Search.Indexing.FacetNames.Exhibition, key.ToString()));
        keys.UnionWith(await source.ObjectsOfExhibitionsAsync(keys, ct));
        var (changed, removed) = await source.ChangedAsync(keys, ct);
        index.Apply(changed, removed, changes[^1].Id);
    }
}
