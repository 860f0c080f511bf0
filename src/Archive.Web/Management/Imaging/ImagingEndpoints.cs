using Archive.Data;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Media.Storage;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Imaging;

/// Umbraco's imaging URLs: where the back office finds a thumbnail of each media item, as an ImageSharp.Web
/// URL on /media. Only public files are served there; an item the public cannot see gets no URL (the back
/// office then shows its file icon).
public static class ImagingEndpoints
{
    public sealed record MediaUrlInfoModel(string? Culture, string Url);

    public sealed record MediaUrlInfoResponseModel(Guid Id, IReadOnlyList<MediaUrlInfoModel> UrlInfos);

    private static readonly Dictionary<string, string> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Crop"] = "crop", ["Max"] = "max", ["Stretch"] = "stretch", ["Pad"] = "pad", ["BoxPad"] = "boxpad", ["Min"] = "min",
    };

    public static void MapImaging(this RouteGroupBuilder api) =>
        api.MapGet("imaging/resize/urls", async (Guid[]? id, ArchiveDbContext db, PublishedCache cache, CancellationToken ct, int height = 200, int width = 200, string? mode = null) =>
        {
            if (id is { Length: > 1000 })
                return ManagementRequests.Invalid("id", "At most 1000 ids at once.");
            if (width is < 1 or > 5000 || height is < 1 or > 5000)
                return ManagementRequests.Invalid(width is < 1 or > 5000 ? "width" : "height", "Sizes are between 1 and 5000 pixels.");
            var rmode = mode is null ? "crop" : Modes.GetValueOrDefault(mode) ?? "crop";
            var keys = (id ?? []).Distinct().ToList();
            var files = await Media.MediaUrlsEndpoints.FilePathsAsync(db, keys, ct);
            return Results.Ok(keys.Select(k => new MediaUrlInfoResponseModel(k,
                files.GetValueOrDefault(k) is { } path && cache.FindByFile(path) is not null
                    ? [new MediaUrlInfoModel(null, $"/media/{path}?width={width}&height={height}&rmode={rmode}")]
                    : [])).ToList());
        }).WithName("GetImagingResizeUrls").WithTags("Imaging");
}
