using Archive.Data;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Media.Storage;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Imaging;

/// Umbraco's imaging URLs: where the back office finds a thumbnail of each media item — an ImageSharp.Web URL
/// on /media for a public file, the back office's own IIIF route for an image the public cannot see.
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
                files.GetValueOrDefault(k) is { } path && UrlOf(k, path) is { } url ? [new MediaUrlInfoModel(null, url)] : [])).ToList());

            // A file that is neither public nor an image gets no URL: the back office shows its icon.
            string? UrlOf(Guid key, string path) =>
                cache.FindByFile(path) is not null ? $"/media/{path}?width={width}&height={height}&rmode={rmode}"
                : Web.Iiif.IiifImage.IsImageExtension(Path.GetExtension(path).TrimStart('.').ToLowerInvariant()) ? PreviewUrl(key, width, height, rmode)
                : null;
        }).WithName("GetImagingResizeUrls").WithTags("Imaging");

    /// A thumbnail of an image the public cannot see, from the back office's own IIIF route (read with the
    /// session's cookie): a square crop from the middle when a square is asked to be filled, else the whole image
    /// fitted into the box.
    private static string PreviewUrl(Guid key, int width, int height, string rmode) =>
        $"{Iiif.IiifPreviewEndpoints.Address}/{key}/{(rmode == "crop" && width == height ? "square" : "full")}/!{width},{height}/0/default.jpg";
}
