using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Archive.Kiosk.Hosting;

/// Bodies the screens send, read strictly: malformed JSON, a wrong type or a body over the limit is a 400 naming the
/// place; members the contract does not define are ignored.
public static class KioskRequests
{
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext http) where T : class
    {
        if (http.Request.ContentLength is > MaxBodyBytes)
            return (null, Invalid("$", $"The body is larger than {MaxBodyBytes} bytes.", 413));
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send JSON (application/json)."));
        using var buffer = new MemoryStream();
        var read = new byte[16 * 1024];
        int n;
        while ((n = await http.Request.Body.ReadAsync(read, http.RequestAborted)) > 0)
        {
            buffer.Write(read, 0, n);
            if (buffer.Length > MaxBodyBytes)
                return (null, Invalid("$", $"The body is larger than {MaxBodyBytes} bytes.", 413));
        }
        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.ToArray(), Options);
            return body is null ? (null, Invalid("$", "A JSON object is required.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(e.Path ?? "$", "Malformed JSON or a value of the wrong type: " + FirstLine(e.Message)));
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];

    public static IResult Invalid(string field, string detail, int status = 400) => Results.Problem(statusCode: status, title: "Invalid request", detail: detail,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });
}
