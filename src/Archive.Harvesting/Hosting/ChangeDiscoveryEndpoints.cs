using System.Text;
using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Harvesting.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Harvesting.Hosting;

/// `/iiif/discovery/changes` (the OrderedCollection), `…/page/{n}` and `…/activity/{id}`, so aggregators re-harvest
/// only the manifests and collections that changed since they last looked.
public static class ChangeDiscoveryEndpoints
{
    public const int PageSize = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ChangeDiscovery.Root).RequireCors("harvesting").ExcludeFromDescription();
        group.MapGet("", Collection);
        group.MapGet("page/{page:int}", Page);
        group.MapGet("activity/{id:long}", Activity);
    }

    private static async Task<IResult> Collection(HttpContext http, ArchiveDbContext db)
    {
        var total = await db.HarvestActivities.LongCountAsync(http.RequestAborted);
        return Json(http, ChangeDiscovery.Collection(PublicBase.LinksOf(http), total, PageSize), "no-cache");
    }

    private static async Task<IResult> Page(HttpContext http, int page, ArchiveDbContext db)
    {
        var total = await db.HarvestActivities.LongCountAsync(http.RequestAborted);
        if (page < 0 || page >= Math.Max(1, ChangeDiscovery.PageCount(total, PageSize)))
            return Results.Problem(statusCode: 404, title: "Not found", detail: $"The stream has pages 0 to {Math.Max(0, ChangeDiscovery.PageCount(total, PageSize) - 1)}.",
                extensions: new Dictionary<string, object?> { ["field"] = "page" });
        // Activities are only ever appended: a page is the same slice of the stream whatever comes after it.
        var activities = await db.HarvestActivities.AsNoTracking().OrderBy(a => a.Id).Skip(page * PageSize).Take(PageSize).ToListAsync(http.RequestAborted);
        var full = activities.Count == PageSize;
        return Json(http, ChangeDiscovery.Page(PublicBase.LinksOf(http), page, total, PageSize, activities), full ? "public, max-age=86400" : "no-cache");
    }

    private static async Task<IResult> Activity(HttpContext http, long id, ArchiveDbContext db)
    {
        if (await db.HarvestActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, http.RequestAborted) is not { } activity)
            return Results.Problem(statusCode: 404, title: "Not found", detail: "There is no activity with this number.");
        var body = ChangeDiscovery.Activity(PublicBase.LinksOf(http), activity);
        body.Insert(0, "@context", ChangeDiscovery.Context);
        return Json(http, body, "public, max-age=86400");
    }

    private static IResult Json(HttpContext http, JsonObject body, string cacheControl)
    {
        http.Response.Headers.CacheControl = cacheControl;
        return Results.Text(body.ToJsonString(), $"application/ld+json;profile=\"{ChangeDiscovery.Context}\"", Encoding.UTF8);
    }
}
