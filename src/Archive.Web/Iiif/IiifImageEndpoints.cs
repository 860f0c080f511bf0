using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Media.Imaging;
using Archive.Web.Media;
using Microsoft.Extensions.Options;

namespace Archive.Web.Iiif;

/// IIIF Image API 3.0 at level 2 for every published image, its identifier the media item's key:
/// /iiif/3/{key}/info.json and /iiif/3/{key}/{region}/{size}/{rotation}/{quality}.{format}.
public static class IiifImageEndpoints
{
    public const string Root = "/iiif/3";

    public static void MapIiifImages(this IEndpointRouteBuilder app)
    {
        var iiif = app.MapGroup(Root).RequireCors("iiif").ExcludeFromDescription();
        iiif.MapGet("{key:guid}", (Guid key) => Results.Redirect($"{Root}/{key}/info.json", permanent: false, preserveMethod: false));
        iiif.MapGet("{key:guid}/info.json", (HttpContext context, Guid key, IOptions<ImagingSettings> imaging, CancellationToken ct) =>
            Find(context, key) is { } image
                ? IiifImageResponses.InfoAsync(context, image, ServiceId(context, key), PublicCache(context, imaging.Value), ct)
                : Task.FromResult(MediaProblems.NotFound("There is no image with this identifier.")));
        iiif.MapGet("{key:guid}/{region}/{size}/{rotation}/{quality}", (HttpContext context, Guid key, string region, string size, string rotation, string quality,
            IOptions<ImagingSettings> imaging, CancellationToken ct) =>
            Find(context, key) is { } image
                ? IiifImageResponses.ImageAsync(context, image, ServiceId(context, key), PublicCache(context, imaging.Value), (region, size, rotation, quality), ct)
                : Task.FromResult(MediaProblems.NotFound("There is no image with this identifier.")));
    }

    public static string BaseUrl(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<Hosting.ArchiveOptions>>().Value.PublicBaseUrl?.TrimEnd('/')
        ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    public static string ServiceId(HttpContext context, Guid key) => $"{BaseUrl(context)}{Root}/{key}";

    private static string PublicCache(HttpContext context, ImagingSettings imaging) => $"public, max-age={MediaFileEndpoints.MaxAge(context, imaging)}";

    /// Only published images: the public projection is all this service sees. An image of an object lent on
    /// condition of a largest size is served no larger.
    private static IiifImage? Find(HttpContext context, Guid key)
    {
        var cache = context.RequestServices.GetRequiredService<PublishedCache>();
        return cache.Find(key) is { IsMedia: true } node && IiifImage.Of(ContentData.FromJson(System.Text.Encoding.UTF8.GetString(node.Data))) is { } image
            ? image with { MaxSize = Archive.Delivery.Exhibitions.PublishedLoans.MaxImageSize(cache, key) }
            : null;
    }
}
