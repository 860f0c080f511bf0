using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Site;

/// Pages are kept rendered (output caching) for anonymous GETs, varying by address and query only, and all of them are
/// evicted whenever the published cache changes or the index catches up (by the host's one eviction of public
/// responses): a page gathers many items (a listing, the front page, a search), and a museum publishes a few times an
/// hour, so rebuilding pages on demand is cheap.
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
