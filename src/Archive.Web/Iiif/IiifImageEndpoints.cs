using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Storage;
using Archive.Web.Media;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Archive.Web.Iiif;

/// IIIF Image API 3.0 at level 2 for every published image, its identifier the media item's key:
/// /iiif/3/{key}/info.json and /iiif/3/{key}/{region}/{size}/{rotation}/{quality}.{format}.
/// Tiles come straight from the pyramid; other requests are put together from it and cached.
public static class IiifImageEndpoints
{
    public const string Root = "/iiif/3";
    public const string ImageContext = "http://iiif.io/api/image/3/context.json";

    public static void MapIiifImages(this IEndpointRouteBuilder app)
    {
        var iiif = app.MapGroup(Root).RequireCors("iiif").ExcludeFromDescription();
        iiif.MapGet("{key:guid}", (Guid key) => Results.Redirect($"{Root}/{key}/info.json", permanent: false, preserveMethod: false));
        iiif.MapGet("{key:guid}/info.json", Info);
        iiif.MapGet("{key:guid}/{region}/{size}/{rotation}/{quality}", Image);
    }

    public static string BaseUrl(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<Hosting.ArchiveOptions>>().Value.PublicBaseUrl?.TrimEnd('/')
        ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    public static string ServiceId(HttpContext context, Guid key) => $"{BaseUrl(context)}{Root}/{key}";

    private static PublishedMedia? Find(HttpContext context, Guid key) =>
        PublishedMedia.Of(context.RequestServices.GetRequiredService<PublishedCache>().Find(key)) is { IsImage: true } media ? media : null;

    /// The size the API speaks of: the pyramid's (orientation applied) when built, else the recorded one.
    private static async Task<(int Width, int Height, string Hash, PyramidInfo? Pyramid)?> Measure(HttpContext context, PublishedMedia media, CancellationToken ct)
    {
        var services = context.RequestServices;
        if (await services.GetRequiredService<IMediaStore>().GetInfoAsync(media.Path, ct) is not { } source)
            return null;
        var hash = await services.GetRequiredService<SourceHashes>().GetAsync(source, ct);
        var pyramid = await services.GetRequiredService<TilePyramids>().FindAsync(hash, ct);
        if (pyramid is not null)
            return (pyramid.Width, pyramid.Height, hash, pyramid);
        if (media.Width is { } w && media.Height is { } h)
            return (w, h, hash, null);
        await using var stream = await services.GetRequiredService<IMediaStore>().OpenReadAsync(media.Path, ct);
        var info = stream is null ? null : await SixLabors.ImageSharp.Image.IdentifyAsync(stream, ct);
        if (info is null)
            return null;
        var (width, height) = Archive.Media.Imaging.Orientation.UprightSize(info);
        return (width, height, hash, null);
    }

    private static async Task<IResult> Info(HttpContext context, Guid key, IOptions<ImagingSettings> imaging, CancellationToken ct)
    {
        if (Find(context, key) is not { } media || await Measure(context, media, ct) is not { } size)
            return MediaProblems.NotFound("There is no image with this identifier.");
        var limits = imaging.Value.Resize;
        var levels = TilePyramids.LevelCount(size.Width, size.Height);
        var sizes = new JsonArray();
        for (var level = levels - 1; level >= 0; level--)
        {
            var factor = 1 << level;
            var (w, h) = ((size.Width + factor - 1) / factor, (size.Height + factor - 1) / factor);
            if (w <= limits.MaxWidth && h <= limits.MaxHeight)
                sizes.Add(new JsonObject { ["width"] = w, ["height"] = h });
        }
        var info = new JsonObject
        {
            ["@context"] = ImageContext,
            ["id"] = ServiceId(context, key),
            ["type"] = "ImageService3",
            ["protocol"] = "http://iiif.io/api/image",
            ["profile"] = "level2",
            ["width"] = size.Width,
            ["height"] = size.Height,
            ["maxWidth"] = limits.MaxWidth,
            ["maxHeight"] = limits.MaxHeight,
            ["sizes"] = sizes,
            ["tiles"] = new JsonArray(new JsonObject
            {
                ["width"] = TilePyramids.TileSize,
                ["height"] = TilePyramids.TileSize,
                ["scaleFactors"] = new JsonArray(Enumerable.Range(0, levels).Select(l => (JsonNode)(1 << l)).ToArray()),
            }),
            ["preferredFormats"] = new JsonArray("jpg", "webp"),
            ["extraFormats"] = new JsonArray("png", "webp", "gif"),
            ["extraQualities"] = new JsonArray("color", "gray", "bitonal"),
            ["extraFeatures"] = new JsonArray("mirroring", "rotationArbitrary", "sizeUpscaling", "profileLinkHeader", "cors", "jsonldMediaType"),
        };
        if (RightsValue.Of(Archive.Engine.Content.ContentData.FromJson(System.Text.Encoding.UTF8.GetString(media.Node.Data))) is { } rights)
            info["rights"] = rights;
        context.Response.Headers.Link = "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"";
        context.Response.Headers.CacheControl = $"public, max-age={MediaFileEndpoints.MaxAge(context, imaging.Value)}";
        return Results.Text(info.ToJsonString(), JsonLdType(context, ImageContext));
    }

    /// JSON-LD with the context as profile when the client asks for it, else JSON (as the spec allows).
    public static string JsonLdType(HttpContext context, string contextUrl) =>
        context.Request.Headers.Accept.ToString().Contains("application/ld+json", StringComparison.OrdinalIgnoreCase)
            ? $"application/ld+json;profile=\"{contextUrl}\""
            : "application/json";

    private static async Task<IResult> Image(HttpContext context, Guid key, string region, string size, string rotation, string quality,
        IOptions<ImagingSettings> imaging, IMediaStore store, Derivatives derivatives, IiifRenderer renderer, CancellationToken ct)
    {
        if (Find(context, key) is not { } media || await Measure(context, media, ct) is not { } measured)
            return MediaProblems.NotFound("There is no image with this identifier.");
        var limits = imaging.Value.Resize;
        var (request, problem) = ImageApiRequest.Parse(region, size, rotation, quality, measured.Width, measured.Height, limits.MaxWidth, limits.MaxHeight);
        if (problem is not null)
            return MediaProblems.Problem(400, "Invalid IIIF image request", problem.Detail, problem.Parameter);
        var maxAge = MediaFileEndpoints.MaxAge(context, imaging.Value);
        context.Response.Headers.Link = $"<{ServiceId(context, key)}>;rel=\"canonical\"";

        // A tile exactly as the pyramid holds it is sent as stored.
        if (measured.Pyramid is { } pyramid && request!.IsPlain && request.Format == OutputFormat.Jpg && TileOf(pyramid, request) is { } tile)
        {
            var path = TilePyramids.TilePath(measured.Hash, tile.Level, tile.Column, tile.Row);
            if (await store.GetInfoAsync(path, ct) is { } stored)
                return await Send(context, store, stored, "image/jpeg", $"\"{measured.Hash[..16]}-{tile.Level}-{tile.Column}-{tile.Row}\"", maxAge, ct);
        }
        var derivative = await derivatives.GetOrRenderAsync(measured.Hash, request!.CanonicalKey, request.Format,
            (output, token) => renderer.RenderAsync(request, measured.Hash, measured.Pyramid,
                async t => await store.OpenReadAsync(media.Path, t) ?? throw new FileNotFoundException(media.Path), output, token), ct);
        return await Send(context, store, derivative.Blob, derivative.ContentType, derivative.ETag, maxAge, ct);
    }

    private static (int Level, int Column, int Row)? TileOf(PyramidInfo pyramid, ImageApiRequest request)
    {
        for (var level = 0; level < pyramid.Levels; level++)
        {
            var factor = pyramid.ScaleFactor(level);
            var span = TilePyramids.TileSize * factor;
            if (request.Region.X % span != 0 || request.Region.Y % span != 0)
                continue;
            var (column, row) = (request.Region.X / span, request.Region.Y / span);
            var levelSize = pyramid.LevelSize(level);
            var width = Math.Min(TilePyramids.TileSize, levelSize.Width - column * TilePyramids.TileSize);
            var height = Math.Min(TilePyramids.TileSize, levelSize.Height - row * TilePyramids.TileSize);
            if (request.Size.Width == width && request.Size.Height == height &&
                request.Region.Width == Math.Min(span, pyramid.Width - request.Region.X) && request.Region.Height == Math.Min(span, pyramid.Height - request.Region.Y))
                return (level, column, row);
        }
        return null;
    }

    private static async Task<IResult> Send(HttpContext context, IMediaStore store, StoredBlob blob, string contentType, string etag, int maxAge, CancellationToken ct) =>
        await MediaFileEndpoints.StreamAsync(context, store, blob, contentType, etag, maxAge, ct) ?? MediaProblems.NotFound("The image is no longer stored.");
}
