using Archive.Data;
using Archive.Web.Iiif;
using Archive.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Iiif;

/// Archive's own: the IIIF Image API over a media item as it is in the back office — published or not,
/// private or not — for the deep-zoom preview of the media workspace. Signed-in callers only, never cached
/// by anyone but the browser that asked; the public service at /iiif/3 stays limited to published images.
public static class IiifPreviewEndpoints
{
    private const string Route = "archive/iiif";

    /// Where the preview's images live: the thumbnails point here, and the cookie alone is accepted here.
    public const string Address = ManagementSecurity.Root + "/" + Route;
    private const string CacheControl = "private, max-age=60";

    public static void MapIiifPreview(this RouteGroupBuilder api)
    {
        api.MapGet(Route + "/{id:guid}/info.json", async (HttpContext context, Guid id, ArchiveDbContext db, CancellationToken ct) =>
            await FindAsync(db, id, ct) is { } image
                ? await IiifImageResponses.InfoAsync(context, image, ServiceId(context, id), CacheControl, ct)
                : NotFound())
            .WithName("GetArchiveIiifInfo").WithTags("Archive");
        api.MapGet(Route + "/{id:guid}/{region}/{size}/{rotation}/{quality}", async (HttpContext context, Guid id, string region, string size, string rotation, string quality,
            ArchiveDbContext db, CancellationToken ct) =>
            await FindAsync(db, id, ct) is { } image
                ? await IiifImageResponses.ImageAsync(context, image, ServiceId(context, id), CacheControl, (region, size, rotation, quality), ct)
                : NotFound())
            .WithName("GetArchiveIiifImage").WithTags("Archive");
    }

    private static string ServiceId(HttpContext context, Guid id) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{Address}/{id}";

    private static IResult NotFound() => MediaProblems.NotFound("There is no media item with an image under this id.");

    private static async Task<IiifImage?> FindAsync(ArchiveDbContext db, Guid id, CancellationToken ct)
    {
        var draft = await db.Nodes.AsNoTracking().Where(n => n.Key == id && n.IsMedia)
            .Join(db.NodeVersions.Where(v => v.IsDraft), n => n.Id, v => v.NodeId, (n, v) => v.Data).FirstOrDefaultAsync(ct);
        return draft is null ? null : IiifImage.Of(Archive.Engine.Content.ContentData.FromJson(draft));
    }
}
