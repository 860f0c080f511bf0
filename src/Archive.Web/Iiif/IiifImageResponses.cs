using System.Text.Json.Nodes;
using Archive.Media.Iiif;
using Archive.Media.Imaging;
using Archive.Media.Storage;
using Archive.Web.Media;
using Microsoft.Extensions.Options;

namespace Archive.Web.Iiif;

/// IIIF Image API 3.0 at level 2 for one image, wherever its service lives: the description (info.json) and
/// {region}/{size}/{rotation}/{quality}.{format}. Tiles come straight from the pyramid; other requests are put
/// together from it and cached.
public static class IiifImageResponses
{
    public const string ImageContext = "http://iiif.io/api/image/3/context.json";

    /// The size the API speaks of: the pyramid's (orientation applied) when built, else the recorded one.
    private static async Task<(int Width, int Height, string Hash, PyramidInfo? Pyramid)?> Measure(IServiceProvider services, IiifImage image, CancellationToken ct)
    {
        var store = services.GetRequiredService<IMediaStore>();
        if (await store.GetInfoAsync(image.Path, ct) is not { } source)
            return null;
        var hash = await services.GetRequiredService<SourceHashes>().GetAsync(source, ct);
        var pyramid = await services.GetRequiredService<TilePyramids>().FindAsync(hash, ct);
        if (pyramid is not null)
            return (pyramid.Width, pyramid.Height, hash, pyramid);
        if (image.Width is { } w && image.Height is { } h)
            return (w, h, hash, null);
        await using var stream = await store.OpenReadAsync(image.Path, ct);
        var info = stream is null ? null : await SixLabors.ImageSharp.Image.IdentifyAsync(stream, ct);
        if (info is null)
            return null;
        var (width, height) = Orientation.UprightSize(info);
        return (width, height, hash, null);
    }

    public static async Task<IResult> InfoAsync(HttpContext context, IiifImage image, string serviceId, string cacheControl, CancellationToken ct)
    {
        if (await Measure(context.RequestServices, image, ct) is not { } size)
            return MediaProblems.NotFound("There is no image with this identifier.");
        var limits = context.RequestServices.GetRequiredService<IOptions<ImagingSettings>>().Value.Resize;
        var levels = TilePyramids.LevelCount(size.Width, size.Height);
        // A capped image offers only the sizes and tile levels within its cap: a viewer zooms no further.
        var scaleLimit = image.ScaleLimit(size.Width, size.Height);
        var (maxWidth, maxHeight) = (Math.Min(limits.MaxWidth, (int)Math.Ceiling(size.Width * scaleLimit)), Math.Min(limits.MaxHeight, (int)Math.Ceiling(size.Height * scaleLimit)));
        var sizes = new JsonArray();
        var scaleFactors = new JsonArray();
        for (var level = levels - 1; level >= 0; level--)
        {
            var factor = 1 << level;
            var (w, h) = ((size.Width + factor - 1) / factor, (size.Height + factor - 1) / factor);
            if (w <= maxWidth && h <= maxHeight)
                sizes.Add(new JsonObject { ["width"] = w, ["height"] = h });
            if (1.0 / factor <= scaleLimit)
                scaleFactors.Insert(0, factor);
        }
        var info = new JsonObject
        {
            ["@context"] = ImageContext,
            ["id"] = serviceId,
            ["type"] = "ImageService3",
            ["protocol"] = "http://iiif.io/api/image",
            ["profile"] = "level2",
            ["width"] = size.Width,
            ["height"] = size.Height,
            ["maxWidth"] = maxWidth,
            ["maxHeight"] = maxHeight,
            ["sizes"] = sizes,
            ["tiles"] = new JsonArray(new JsonObject
            {
                ["width"] = TilePyramids.TileSize,
                ["height"] = TilePyramids.TileSize,
                ["scaleFactors"] = scaleFactors,
            }),
            ["preferredFormats"] = new JsonArray("jpg", "webp"),
            ["extraFormats"] = new JsonArray("png", "webp", "gif"),
            ["extraQualities"] = new JsonArray("color", "gray", "bitonal"),
            ["extraFeatures"] = new JsonArray("mirroring", "rotationArbitrary", "sizeUpscaling", "profileLinkHeader", "cors", "jsonldMediaType"),
        };
        if (image.Rights is { } rights)
            info["rights"] = rights;
        context.Response.Headers.Link = "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"";
        context.Response.Headers.CacheControl = cacheControl;
        return Results.Text(info.ToJsonString(), JsonLdType(context, ImageContext));
    }

    /// JSON-LD with the context as profile when the client asks for it, else JSON (as the spec allows).
    public static string JsonLdType(HttpContext context, string contextUrl) =>
        context.Request.Headers.Accept.ToString().Contains("application/ld+json", StringComparison.OrdinalIgnoreCase)
            ? $"application/ld+json;profile=\"{contextUrl}\""
            : "application/json";

    public static async Task<IResult> ImageAsync(HttpContext context, IiifImage image, string serviceId, string cacheControl,
        (string Region, string Size, string Rotation, string Quality) parameters, CancellationToken ct)
    {
        var services = context.RequestServices;
        if (await Measure(services, image, ct) is not { } measured)
            return MediaProblems.NotFound("There is no image with this identifier.");
        var limits = services.GetRequiredService<IOptions<ImagingSettings>>().Value.Resize;
        var scaleLimit = image.ScaleLimit(measured.Width, measured.Height);
        // Under a cap, "max" is the region at the largest scale the cap allows.
        var size = scaleLimit < 1 && parameters.Size.TrimStart('^') == "max"
            ? (parameters.Size.StartsWith('^') ? "^" : "") + FormattableString.Invariant($"pct:{Math.Floor(scaleLimit * 1e6) / 1e4}")
            : parameters.Size;
        var (request, problem) = ImageApiRequest.Parse(parameters.Region, size, parameters.Rotation, parameters.Quality,
            measured.Width, measured.Height, limits.MaxWidth, limits.MaxHeight);
        if (problem is not null)
            return MediaProblems.Problem(400, "Invalid IIIF image request", problem.Detail, problem.Parameter);
        if (scaleLimit < 1 && (request!.Size.Width > Math.Ceiling(request.Region.Width * scaleLimit) + 1 || request.Size.Height > Math.Ceiling(request.Region.Height * scaleLimit) + 1))
            return MediaProblems.Problem(400, "Invalid IIIF image request",
                $"This object is lent on condition that it is shown no larger than {image.MaxSize} pixels on its longest side; ask for a smaller size.", "size");
        context.Response.Headers.Link = $"<{serviceId}>;rel=\"canonical\"";
        var store = services.GetRequiredService<IMediaStore>();

        // A tile exactly as the pyramid holds it is sent as stored.
        if (measured.Pyramid is { } pyramid && request!.IsPlain && request.Format == OutputFormat.Jpg && TileOf(pyramid, request) is { } tile)
        {
            var path = TilePyramids.TilePath(measured.Hash, tile.Level, tile.Column, tile.Row);
            if (await store.GetInfoAsync(path, ct) is { } stored)
                return await Send(context, store, stored, "image/jpeg", $"\"{measured.Hash[..16]}-{tile.Level}-{tile.Column}-{tile.Row}\"", cacheControl, ct);
        }
        var renderer = services.GetRequiredService<IiifRenderer>();
        var derivative = await services.GetRequiredService<Derivatives>().GetOrRenderAsync(measured.Hash, request!.CanonicalKey, request.Format,
            (output, token) => renderer.RenderAsync(request, measured.Hash, measured.Pyramid,
                async t => await store.OpenReadAsync(image.Path, t) ?? throw new FileNotFoundException(image.Path), output, token), ct);
        return await Send(context, store, derivative.Blob, derivative.ContentType, derivative.ETag, cacheControl, ct);
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

    private static async Task<IResult> Send(HttpContext context, IMediaStore store, StoredBlob blob, string contentType, string etag, string cacheControl, CancellationToken ct) =>
        await MediaFileEndpoints.StreamAsync(context, store, blob, contentType, etag, cacheControl, ct) ?? MediaProblems.NotFound("The image is no longer stored.");
}
