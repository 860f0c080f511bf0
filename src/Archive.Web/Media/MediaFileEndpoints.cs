using Archive.Media.Imaging;
using Archive.Media.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Archive.Web.Media;

/// Media files at Umbraco's URLs, /media/<folder>/<file>: originals as stored (range requests for
/// audio and video), and derivatives when the URL carries image commands, made once and kept in
/// the store. Folders the archive reserves for itself are never served.
public static class MediaFileEndpoints
{
    private static readonly HashSet<string> Processable = ["jpg", "jpeg", "png", "gif", "webp", "tif", "tiff", "bmp"];

    public static void MapArchiveMediaFiles(this IEndpointRouteBuilder app) =>
        app.MapMethods("/media/{**path}", [HttpMethods.Get, HttpMethods.Head], Serve).RequireCors("delivery").ExcludeFromDescription();

    private static async Task<IResult> Serve(HttpContext context, string? path, IMediaStore store, Derivatives derivatives, IOptions<ImagingSettings> imaging,
        Archive.Delivery.Cache.PublishedCache cache, ServedSizes sizes, CancellationToken ct)
    {
        // Only the file of a media item in the public projection is served: not another file of the store,
        // not the file of media a private record uses, never the archive's own folders.
        if (!MediaPath.TryNormalize(path, out var normalized) || MediaPath.IsReserved(normalized) || cache.FindByFile(normalized) is null)
            return MediaProblems.NotFound("There is no media file at this address.");
        var source = await store.GetInfoAsync(normalized, ct);
        if (source is null)
            return MediaProblems.NotFound("There is no media file at this address.");
        var settings = imaging.Value;
        var extension = Path.GetExtension(normalized).TrimStart('.').ToLowerInvariant();
        var query = context.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
        var cacheControl = $"public, max-age={MaxAge(context, settings)}";

        if (Processable.Contains(extension) && query.Any(q => ImageCommands.IsCommand(q.Key)))
        {
            if (settings.Secret is { Length: > 0 } secret &&
                !UrlSigner.Verify("/media/" + normalized, query, context.Request.Query[UrlSigner.TokenCommand].ToString(), secret))
                return MediaProblems.Problem(400, "Invalid signature", "Image commands need a valid hmac signature on this site.", UrlSigner.TokenCommand);
            var (commands, problem) = ImageCommands.Parse(query, settings);
            if (problem is not null)
                return MediaProblems.Problem(400, "Invalid image command", problem.Detail, problem.Parameter);
            // Unsigned URLs ask for the sizes served; a signed one (checked above) may ask any.
            if (settings.Secret.Length == 0 && sizes.Current.Refused(commands!) is { } refused)
                return MediaProblems.Problem(400, "Size not served", $"{refused} {(refused == "width" ? commands!.Width : commands!.Height)} is not one of the sizes this archive serves; ask for a listed size (Archive:Media:AllowedSizes) or a signed URL.", refused);
            if (!commands!.IsEmpty)
            {
                var derivative = await derivatives.GetAsync(source, commands, ct);
                if (await StreamAsync(context, store, derivative.Blob, derivative.ContentType, derivative.ETag, cacheControl, ct) is { } sent)
                    return sent;
                // Deleted since it was made: made again.
                derivatives.Forget(derivative);
                derivative = await derivatives.GetAsync(source, commands, ct);
                return await StreamAsync(context, store, derivative.Blob, derivative.ContentType, derivative.ETag, cacheControl, ct)
                    ?? MediaProblems.NotFound("There is no media file at this address.");
            }
        }
        var etag = $"\"{source.LastModified.UtcTicks:x}-{source.Length:x}\"";
        return await StreamAsync(context, store, source, MediaPath.ContentTypeOf(normalized), etag, cacheControl, ct)
            ?? MediaProblems.NotFound("There is no media file at this address.");
    }

    /// Seconds browsers and shared caches may keep a public image: Umbraco's BrowserMaxAge, capped by
    /// Archive:Media:PublicMaxAge so a record made private leaves their caches soon.
    public static int MaxAge(HttpContext context, ImagingSettings imaging)
    {
        var cap = context.RequestServices.GetRequiredService<IOptions<Hosting.ArchiveOptions>>().Value.Media.PublicMaxAge;
        return (int)Math.Min(imaging.Cache.BrowserMaxAge.TotalSeconds, cap.TotalSeconds);
    }

    /// The response for a stored blob, or null when it is no longer there.
    public static async Task<IResult?> StreamAsync(HttpContext context, IMediaStore store, StoredBlob blob, string contentType, string etag, string cacheControl, CancellationToken ct)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.XContentTypeOptions = "nosniff";
        if (contentType.StartsWith("image/svg", StringComparison.Ordinal))
            // An SVG opened directly must not run script in the site's origin.
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        // Answered before the blob is opened: a revalidation costs no read from storage.
        if (Delivery.DeliveryResponses.Matches(context.Request, etag))
        {
            headers.ETag = etag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var tag = EntityTagHeaderValue.Parse(etag);
        if (store.LocalPath(blob.Path) is { } file)
            return File.Exists(file) ? Results.File(file, contentType, lastModified: blob.LastModified, entityTag: tag, enableRangeProcessing: true) : null;
        var stream = await store.OpenReadAsync(blob.Path, ct);
        if (stream is null)
            return null;
        return Results.Stream(stream, contentType, lastModified: blob.LastModified, entityTag: tag, enableRangeProcessing: true);
    }
}
