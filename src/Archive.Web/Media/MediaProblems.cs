using Archive.Media.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Archive.Web.Media;

/// RFC 9457 problem details for media and IIIF requests, naming the parameter at fault.
public static class MediaProblems
{
    public static IResult Problem(int status, string title, string detail, string? parameter = null) =>
        Results.Problem(detail, statusCode: status, title: title,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult NotFound(string detail) => Problem(404, "Not Found", detail);
}

/// A stored image that cannot be decoded for a derivative or an IIIF request (damaged behind the archive's
/// back, or needing more pixel memory than one rendering may take) is the file's fault, not a crash: 422.
public sealed class UnrenderableImageHandler(ILogger<UnrenderableImageHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not SixLabors.ImageSharp.ImageFormatException)
            return false;
        logger.LogWarning(exception, "The image at {Path} cannot be rendered", context.Request.Path.Value);
        context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await MediaProblems.Problem(422, "Image cannot be rendered", "The stored image cannot be decoded for this request; the original file may still be served.")
            .ExecuteAsync(context);
        return true;
    }
}

/// A media store that cannot be reached answers 503 with Retry-After, whatever endpoint met it;
/// nothing was written, so the client can simply try again.
public sealed class MediaStoreUnavailableHandler(ILogger<MediaStoreUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not MediaStoreUnavailableException unavailable)
            return false;
        logger.LogWarning(unavailable.InnerException, "Media store unavailable for {Path}: {Reason}", context.Request.Path.Value, unavailable.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        await MediaProblems.Problem(503, "Media storage unavailable", $"{unavailable.Message} Nothing was changed; try again in {RetryAfterSeconds} seconds.").ExecuteAsync(context);
        return true;
    }
}
