using Archive.Delivery;
using Archive.Delivery.Cache;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Archive.Web.Delivery;

/// Output caching for the Delivery API, as Umbraco's `OutputCache` settings describe it: public GET
/// requests only (never preview, never with an API key), varying by the query string and the culture
/// and start-item headers; each entry is tagged with the items it renders and evicted when any of them
/// (or anything they embed) changes.
public sealed class DeliveryOutputCachePolicy(bool media) : IOutputCachePolicy
{
    public const string AllTag = "delivery";
    public const string QueryTag = "delivery-query";

    public static string Tag(Guid key) => "item:" + key.ToString("N");

    /// Marks the response being produced as embedding an item (evicted when it changes).
    public static void TagItem(HttpContext context, Guid key) => context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(Tag(key));

    public static void TagQuery(HttpContext context) => context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(QueryTag);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<DeliveryApiSettings>>().Value;
        var headers = context.HttpContext.Request.Headers;
        var duration = media ? settings.OutputCache.MediaDuration : settings.OutputCache.ContentDuration;
        var publicRequest = settings.PublicAccess && (!media || settings.Media.PublicAccess) && StringValues.IsNullOrEmpty(headers["Api-Key"]) &&
                            !string.Equals(headers["Preview"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var enabled = settings.OutputCache.Enabled && duration > TimeSpan.Zero && publicRequest && HttpMethods.IsGet(context.HttpContext.Request.Method);
        context.EnableOutputCaching = enabled;
        context.AllowCacheLookup = enabled;
        context.AllowCacheStorage = enabled;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = new StringValues(["Accept-Language", "Start-Item", "Accept-Segment"]);
        context.Tags.Add(AllTag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only successful answers are kept (a 404 may become a 200 the moment something is published).
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// Evicts cached responses when the published cache changes: those tagged with any touched item
/// (the cache's own list includes referrers and descendants), every query and every page of the public site (a page
/// gathers many items), or everything on a reload.
/// Queries are answered by the search index, which follows the change log on its own: they are
/// evicted again when the index has caught up.
public sealed class DeliveryOutputCacheEviction(PublishedCache cache, Archive.Search.Indexing.SearchIndex index, IOutputCacheStore store,
    ILogger<DeliveryOutputCacheEviction> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cache.Changed += OnChanged;
        cache.Reloaded += OnReloaded;
        index.Changed += OnIndexChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Changed -= OnChanged;
        cache.Reloaded -= OnReloaded;
        index.Changed -= OnIndexChanged;
        return Task.CompletedTask;
    }

    private void OnIndexChanged() => _ = EvictAsync([DeliveryOutputCachePolicy.QueryTag, Archive.Site.SiteOutputCachePolicy.Tag]);

    private void OnChanged(IReadOnlyCollection<Guid> keys) =>
        _ = EvictAsync([DeliveryOutputCachePolicy.QueryTag, Archive.Site.SiteOutputCachePolicy.Tag, .. keys.Select(DeliveryOutputCachePolicy.Tag)]);

    private void OnReloaded() => _ = EvictAsync([DeliveryOutputCachePolicy.AllTag, Archive.Site.SiteOutputCachePolicy.Tag]);

    // A response computed just before a change can be stored just after its eviction; a second
    // eviction a moment later removes such a stale entry.
    private static readonly TimeSpan Straggler = TimeSpan.FromSeconds(2);

    private async Task EvictAsync(IReadOnlyList<string> tags)
    {
        try
        {
            foreach (var tag in tags)
                await store.EvictByTagAsync(tag, CancellationToken.None);
            await Task.Delay(Straggler);
            foreach (var tag in tags)
                await store.EvictByTagAsync(tag, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Evicting cached Delivery API responses failed");
        }
    }
}
