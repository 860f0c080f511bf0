using Archive.Data;
using Archive.Search.Indexing;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Search;

/// Keeps the index in step with the database by following the change log: at start it rebuilds a
/// missing or damaged index, or catches up from the position the index recorded; then it polls the
/// log, so changes made by this process, another process or another server reach the index within a second.
public sealed class SearchIndexing(IServiceProvider services, SearchIndex index, StartupState startup, ILogger<SearchIndexing> logger) : BackgroundService
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
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Following the change log failed; retrying");
            }
            await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IndexSource>();
        var position = await source.PositionAsync(ct);
        var total = await source.CountAsync(ct);
        var nodes = new List<IndexedNode>(total);
        await foreach (var node in source.AllAsync(ct))
        {
            nodes.Add(node);
            progress?.Report((nodes.Count, total));
        }
        index.Rebuild(nodes, position);
        logger.LogInformation("Search index rebuilt: {Nodes} items at change {Position}", nodes.Count, position);
        return nodes.Count;
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
