using System.Security.Cryptography;

namespace Archive.Web.Delivery;

/// Delivery API responses: JSON bytes with a strong ETag (304 when it matches), Cache-Control, and
/// Umbraco's error shapes.
public static class DeliveryResponses
{
    public static IResult Json(HttpContext context, byte[] body, bool preview, string contentType = "application/json; charset=utf-8")
    {
        var etag = "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        // Drafts are for the editor who asked, never for a shared cache; neither is what an API key opened.
        var keyed = !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.Request.Headers["Api-Key"]);
        headers.CacheControl = preview ? "private, no-store" : keyed ? "private, max-age=60" : "public, max-age=60";
        if (keyed)
            headers.Append("Vary", "Api-Key");
        if (Matches(context.Request, etag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, contentType);
    }

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
