using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Data.Content;
using Archive.Engine.Content;

namespace Archive.Web.Management;

/// Reading Management API bodies: members the contract does not define are ignored, as Umbraco's server
/// does (its back office sends its view models back, with editorAlias, entityType, variant state and dates);
/// malformed JSON, wrong types, missing required values and oversized bodies are refused with the JSON path
/// at fault. Answers are RFC 9457 problem details.
public static class ManagementRequests
{
    public const long MaxBodyBytes = 1 << 20;

    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        AllowTrailingCommas = false,
    };

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context) where T : class
    {
        if (context.Request.ContentLength > MaxBodyBytes)
            return (null, Problem(413, "Body too large", $"Request bodies are limited to {MaxBodyBytes:N0} bytes."));
        if (context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
            return (null, Problem(415, "Unsupported media type", "Send the body as application/json."));
        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[16384];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                if (limited.Length + read > MaxBodyBytes)
                    return (null, Problem(413, "Body too large", $"Request bodies are limited to {MaxBodyBytes:N0} bytes."));
                limited.Write(buffer, 0, read);
            }
            limited.Position = 0;
            var body = await JsonSerializer.DeserializeAsync<T>(limited, Reading, context.RequestAborted);
            if (body is null)
                return (null, Invalid("$", "A JSON object is required."));
            return MissingValue(body, "$") is { } path ? (null, Invalid(path, "A value is required here.")) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(ex.Path ?? "$", ex.Message.Split(" Path:")[0]));
        }
    }

    private static readonly NullabilityInfoContext Nullability = new();

    /// The JSON path of the first value a request model needs but the body left out or set to null,
    /// list items included (the serializer checks neither missing constructor values nor list items).
    private static string? MissingValue(object model, string path)
    {
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
                continue;
            var info = Nullability.Create(property);
            var here = $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            var value = property.GetValue(model);
            if (value is null)
            {
                if (info.ReadState == NullabilityState.NotNull)
                    return here;
                continue;
            }
            if (value is System.Collections.IEnumerable items and not string)
            {
                var itemNullability = info.GenericTypeArguments.FirstOrDefault() ?? info.ElementType;
                var index = 0;
                foreach (var item in items)
                {
                    var at = $"{here}[{index++}]";
                    if (item is null && itemNullability?.ReadState == NullabilityState.NotNull)
                        return at;
                    if (item is not null && IsModel(item) && MissingValue(item, at) is { } inner)
                        return inner;
                }
            }
            else if (IsModel(value) && MissingValue(value, here) is { } inner)
                return inner;
        }
        return null;
    }

    /// The archive's own request records (JSON values and primitives are taken as they come).
    private static bool IsModel(object value) => value.GetType().Namespace == typeof(ManagementRequests).Namespace;

    public static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: extensions);

    public static IResult Invalid(string path, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] }, title: "The request is not valid", statusCode: 400);

    /// Umbraco's answer to a create: 201, the new resource's address in Location and its id in Umb-Generated-Resource.
    public static IResult Created(HttpContext context, string resource, string id)
    {
        context.Response.Headers["Umb-Generated-Resource"] = id;
        return Results.Created($"{ManagementSecurity.Root}/{resource}/{id}", null);
    }

    public static IResult Forbidden(string detail) => Problem(403, "Forbidden", detail);

    /// An engine result as ProblemDetails, each problem listed by its JSON path and culture; pathOf names where each
    /// problem is (the engine's own paths when not given). The title names the first problem: it is what Umbraco's
    /// back office shows of a refused save.
    public static IResult From(OperationResult result, Func<ContentProblem, string>? pathOf = null)
    {
        var status = result.Status switch
        {
            OperationStatus.NotFound => 404,
            OperationStatus.ConcurrencyConflict => 412,
            OperationStatus.InUse or OperationStatus.Conflict => 409,
            OperationStatus.RuleBroken => 422,
            _ => 400,
        };
        var errors = result.Problems
            .GroupBy(pathOf ?? (p => p.Culture is { Length: > 0 } culture ? $"{p.Path}[{culture}]" : p.Path))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct().ToArray());
        var messages = result.Problems.Select(p => p.Message).Distinct().ToList();
        var first = messages.Count switch
        {
            0 => "",
            1 => ": " + messages[0],
            _ => $": {messages[0]} (and {messages.Count - 1} more)",
        };
        return Results.ValidationProblem(errors, title: result.Status switch
        {
            OperationStatus.NotFound => "Not found",
            OperationStatus.ConcurrencyConflict => "The item was changed by someone else",
            OperationStatus.DuplicateValue => "A value must be unique",
            OperationStatus.CultureNotAllowed => "Unknown or disallowed culture",
            OperationStatus.NotAllowed => "Not allowed",
            OperationStatus.InUse => "Still in use",
            OperationStatus.Conflict => "Conflicts with another record",
            OperationStatus.RuleBroken => "Against the rules of the work",
            _ => "Validation failed",
        } + first, statusCode: status, extensions: new Dictionary<string, object?> { ["operationStatus"] = result.Status.ToString() });
    }
}

/// skip and take, as every Management API list takes them.
public static class Paging
{
    public static IResult? Check(int skip, int take) =>
        skip < 0 ? ManagementRequests.Invalid("skip", "skip must be 0 or more.") : take is < 0 or > 1000 ? ManagementRequests.Invalid("take", "take must be from 0 to 1000.") : null;
}
