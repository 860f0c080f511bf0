using Archive.Data;
using Archive.Delivery.Cache;
using Archive.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Delivery;

/// Loads the published cache at start and keeps it in step with the database by following the change
/// log (publish, unpublish, move, trash, delete, from this process or any other), as the search index does.
public sealed class PublishedCacheSync(IServiceProvider services, PublishedCache cache, StartupState startup, ILogger<PublishedCacheSync> logger) : BackgroundService
{
    private long _position;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
            await LoadAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The published cache could not be loaded");
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
                logger.LogError(ex, "Following the change log into the published cache failed; retrying");
            }
            await Task.Delay(Search.SearchIndexing.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<PublishedSource>();
        _position = await source.PositionAsync(ct);
        var nodes = new List<PublishedNode>();
        await foreach (var node in source.AllAsync(ct))
            nodes.Add(node);
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        cache.Load(nodes, await scope.ServiceProvider.GetRequiredService<Archive.Data.Schema.SchemaStore>().GetAsync(db, ct));
        cache.SetDomains((await db.Domains.AsNoTracking().Where(d => !d.IsWildcard).ToListAsync(ct)).Select(d => new SiteDomain(d.Name, d.Culture, d.RootKey)));
        cache.AddRedirects((await db.RedirectUrls.AsNoTracking().ToListAsync(ct)).Select(r => new Redirect(r.RootKey, r.Culture, r.Path, r.ContentKey)));
        logger.LogInformation("Published cache loaded: {Items} items at change {Position} in {Milliseconds} ms", nodes.Count, _position, watch.ElapsedMilliseconds);
    }

    /// Applies every change logged since the last one applied.
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var changes = await db.ChangeLog.AsNoTracking().Where(c => c.Id > _position).OrderBy(c => c.Id).Take(5000)
            .Select(c => new { c.Id, c.EntityType, c.Key }).ToListAsync(ct);
        if (changes.Count == 0)
            return;
        if (changes.Any(c => c.EntityType == ChangeTypes.Schema))
        {
            await LoadAsync(ct);
            return;
        }
        var source = scope.ServiceProvider.GetRequiredService<PublishedSource>();
        var (upserts, removed) = await source.ChangedAsync(changes.Select(c => c.Key).ToHashSet(), ct);
        var redirects = cache.Apply(upserts, removed);
        _position = changes[^1].Id;
        await RememberAsync(db, redirects, ct);
    }

    /// Stores old routes so they keep redirecting after a restart. Every server following the log
    /// computes the same ones: a route stored already is left as it is.
    private static async Task RememberAsync(ArchiveDbContext db, IReadOnlyList<Redirect> redirects, CancellationToken ct)
    {
        foreach (var redirect in redirects)
        {
            var existing = await db.RedirectUrls.FirstOrDefaultAsync(r => r.RootKey == redirect.RootKey && r.Culture == redirect.Culture && r.Path == redirect.Path, ct);
            if (existing is not null)
            {
                existing.ContentKey = redirect.ContentKey;
                existing.CreateDate = DateTime.UtcNow;
            }
            else
                db.RedirectUrls.Add(new Archive.Data.Entities.RedirectUrlEntity
                {
                    RootKey = redirect.RootKey, Culture = redirect.Culture, Path = redirect.Path, ContentKey = redirect.ContentKey, CreateDate = DateTime.UtcNow,
                });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another server stored it first.
                db.ChangeTracker.Clear();
            }
        }
    }
}
