using Archive.Delivery.Cache;
using Archive.Search.Indexing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archive.Site;

/// Pages are kept rendered (output caching) for anonymous GETs, varying by address and query only, and all of them are
/// evicted whenever the published cache changes or the index catches up: a page gathers many items (a listing, the
/// front page, a search), and a museum publishes a few times an hour, so rebuilding pages on demand is cheap.
public sealed class SiteOutputCachePolicy : IOutputCachePolicy
{
    public const string Name = "site", Tag = "site";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var enabled = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
                      context.HttpContext.RequestServices.GetRequiredService<SiteServices>().Options.OutputCache;
        context.EnableOutputCaching = enabled;
        context.AllowCacheLookup = enabled;
        context.AllowCacheStorage = enabled;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(30);
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only pages found are kept: a missing page may be published the next moment.
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// Evicts every kept page when published content changes or the index has caught up with a change.
public sealed class SiteOutputCacheEviction(PublishedCache cache, SearchIndex index, IOutputCacheStore store, ILogger<SiteOutputCacheEviction> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cache.Changed += OnChanged;
        cache.Reloaded += Evict;
        index.Changed += Evict;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Changed -= OnChanged;
        cache.Reloaded -= Evict;
        index.Changed -= Evict;
        return Task.CompletedTask;
    }

    private void OnChanged(IReadOnlyCollection<Guid> keys) => Evict();

    private void Evict() => _ = EvictAsync();

    // A page rendered just before a change can be stored just after its eviction: a second eviction removes it.
    private static readonly TimeSpan Straggler = TimeSpan.FromSeconds(2);

    private async Task EvictAsync()
    {
        try
        {
            await store.EvictByTagAsync(SiteOutputCachePolicy.Tag, CancellationToken.None);
            await Task.Delay(Straggler);
            await store.EvictByTagAsync(SiteOutputCachePolicy.Tag, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Evicting the site's kept pages failed");
        }
    }
}
