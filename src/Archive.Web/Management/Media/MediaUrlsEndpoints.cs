using Archive.Data;
using Archive.Engine.Content;
using Archive.Media.Storage;
using Archive.Web.Management.Imaging;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Media;

/// Umbraco's GET media/urls: where each media item's file is served (its public address on /media, which
/// answers only while the item is public).
public static class MediaUrlsEndpoints
{
    public static void MapMediaUrls(this RouteGroupBuilder api) =>
        api.MapGet("media/urls", async (Guid[]? id, ArchiveDbContext db, CancellationToken ct) =>
        {
            if (id is { Length: > 1000 })
                return ManagementRequests.Invalid("id", "At most 1000 ids at once.");
            var keys = (id ?? []).Distinct().ToList();
            var files = await FilePathsAsync(db, keys, ct);
            return Results.Ok(keys.Where(files.ContainsKey).Select(k => new ImagingEndpoints.MediaUrlInfoResponseModel(k,
                files[k] is { } path ? [new ImagingEndpoints.MediaUrlInfoModel(null, "/media/" + path)] : [])).ToList());
        }).WithName("GetMediaUrls").WithTags("Media");

    /// The store path of each media item's file (null for an item without one), by key; unknown keys left out.
    internal static async Task<Dictionary<Guid, string?>> FilePathsAsync(ArchiveDbContext db, IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        (await db.Nodes.AsNoTracking().Where(n => keys.Contains(n.Key) && n.IsMedia)
            .Join(db.NodeVersions.Where(v => v.IsDraft), n => n.Id, v => v.NodeId, (n, v) => new { n.Key, v.Data }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => MediaPath.FromFileValue(ContentData.FromJson(x.Data).GetValue(ContentRules.MediaFileAlias)));
}
