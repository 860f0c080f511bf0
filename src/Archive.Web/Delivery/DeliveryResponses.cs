namespace Archive.Web.Delivery;

/// Delivery API responses: JSON bytes with a strong ETag (304 when it matches), Cache-Control, and
/// Umbraco's error shapes.
public static class DeliveryResponses
{
    /// The entity tags of responses kept with their items, computed once per kept array (hashing the body was a sixth of
    /// an item read); they go with the array when the item changes.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], string> KeptTags = [];

    /// A JSON response; `kept` says the body is an array kept with its item (DeliveryRenderer.IsKept), so its entity tag
    /// is kept too.
    public static IResult Json(HttpContext context, byte[] body, bool preview, string contentType = "application/json; charset=utf-8", bool kept = false)
    {
        var etag = kept ? KeptTags.GetValue(body, EntityTag) : EntityTag(body);
        var headers = context.Response.Headers;
        headers.ETag = etag;
        // Drafts are for the editor who asked, never for a shared cache; neither is what an API key opened.
        var keyed = !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.Request.Headers["Api-Key"]);
        headers.CacheControl = preview ? "private, no-store" : keyed ? "private, max-age=60" : "public, max-age=60";
        if (keyed)
            headers.Append("Vary", "Api-Key");
        if (Matches(context.Request, etag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return new BodyResult(body, contentType);
    }

    /// The body as it is: Results.Bytes goes through the file results' helper, which makes a logger for every response
    /// (a lock every request takes) and reads range and date preconditions a JSON answer has no use for.
    private sealed class BodyResult(byte[] body, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            return HttpMethods.IsHead(httpContext.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length, httpContext.RequestAborted);
        }
    }

    /// A strong entity tag from the body's 128-bit XXH3 hash: an entity tag tells versions of one resource apart and
    /// needs no resistance to forgery, and SHA-256 of a 36 KB page was the largest single cost of a query's answer.
    private static string EntityTag(byte[] body) =>
        "\"" + Convert.ToBase64String(System.IO.Hashing.XxHash128.Hash(body)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";

    /// Whether the request's If-None-Match names this entity tag (or any).
    public static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));

    /// Umbraco's query error body: {"type":"Error","title","status","detail"}.
    public static IResult Problem(int status, string title, string detail, string? parameter = null) =>
        Results.Json(new ErrorBody("Error", title, status, detail, parameter), statusCode: status, contentType: "application/problem+json");

    private sealed record ErrorBody(string Type, string Title, int Status, string Detail, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Parameter);

    public static IResult NotFound() => Results.Json(new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.5", title = "Not Found", status = 404 },
        statusCode: 404, contentType: "application/problem+json");

    public static IResult StartItemNotFound() => Results.Json("The Start-Item could not be found", statusCode: 404);

    public static IResult Unauthorized() => Results.StatusCode(StatusCodes.Status401Unauthorized);
}
