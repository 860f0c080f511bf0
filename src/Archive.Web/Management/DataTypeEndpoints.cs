using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Schema;

namespace Archive.Web.Management;

/// Data types in Umbraco's routes and shapes: read by everyone signed in, created, changed and
/// deleted by administrators. One that properties use keeps its editor and is not deleted.
public static class DataTypeEndpoints
{
    public static void MapDataTypes(this RouteGroupBuilder api)
    {
        var dataTypes = api.MapGroup("data-type").WithTags("Data Type");
        dataTypes.MapGet("{id:guid}", Get).WithName("GetDataTypeById");
        dataTypes.MapGet("{id:guid}/references", References).WithName("GetDataTypeByIdReferences");
        dataTypes.MapPost("", (HttpContext c, ClaimsPrincipal p, SchemaService s) => Save(null, c, p, s)).WithName("PostDataType").RequireAuthorization(ManagementPolicies.Administrator);
        dataTypes.MapPut("{id:guid}", (Guid id, HttpContext c, ClaimsPrincipal p, SchemaService s) => Save(id, c, p, s)).WithName("PutDataTypeById").RequireAuthorization(ManagementPolicies.Administrator);
        dataTypes.MapDelete("{id:guid}", Delete).WithName("DeleteDataTypeById").RequireAuthorization(ManagementPolicies.Administrator);
    }

    private static IResult NotFound(Guid id) => ManagementRequests.Problem(404, "Not found", $"No data type with id {id}.");

    private static async Task<IResult> Get(Guid id, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        if (schema.FindDataType(id) is not { } dataType)
            return NotFound(id);
        return Results.Ok(new DataTypeResponseModel(dataType.Name, dataType.EditorAlias, dataType.EditorUiAlias,
            dataType.Config().Select(p => new DataTypePropertyModel(p.Key, p.Value?.DeepClone())).ToList(), dataType.Key,
            SchemaService.UsersOf(schema, id).Count == 0, false));
    }

    private static async Task<IResult> References(Guid id, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        if (schema.FindDataType(id) is null)
            return NotFound(id);
        return Results.Ok(schema.ContentTypes.Where(t => t.Properties.Any(p => p.DataTypeKey == id)).OrderBy(t => t.Alias).Select(t => new DataTypeReferenceResponseModel(
            new DataTypeContentTypeReferenceModel(t.Key, t.Kind == ContentTypeKind.Media ? "media-type" : t.Kind == ContentTypeKind.Member ? "member-type" : "document-type", t.Name, t.Icon),
            t.Properties.Where(p => p.DataTypeKey == id).Select(p => new DataTypePropertyReferenceModel(p.Name, p.Alias)).ToList())).ToList());
    }

    private static async Task<IResult> Save(Guid? id, HttpContext context, ClaimsPrincipal principal, SchemaService service)
    {
        var (body, problem) = id is null
            ? await ManagementRequests.ReadAsync<CreateDataTypeRequestModel>(context)
            : await ReadUpdateAsync(context);
        if (problem is not null)
            return problem;
        if (id is { } routeId && body!.Id is { } bodyId && bodyId != routeId)
            return ManagementRequests.Invalid("id", "The id in the body is not the one in the route.");
        if (body!.Parent is not null)
            return ManagementRequests.Invalid("parent", "Data types are not kept in folders here; send no parent.");
        var config = new JsonObject();
        foreach (var (value, i) in (body.Values ?? []).Select((v, i) => (v, i)))
        {
            if (string.IsNullOrWhiteSpace(value.Alias) || config.ContainsKey(value.Alias))
                return ManagementRequests.Invalid($"$.values[{i}].alias", "Each configuration value needs an alias of its own.");
            config[value.Alias] = value.Value?.DeepClone();
        }
        var key = id ?? body.Id ?? Guid.NewGuid();
        var result = await service.SaveDataTypeAsync(new DataType(key, body.Name ?? "", body.EditorAlias ?? "", body.EditorUiAlias, null, config.ToJsonString()),
            creating: id is null, Caller.From(principal).Actor, context.RequestAborted);
        if (!result.Succeeded)
            return ManagementRequests.From(result);
        if (id is not null)
            return Results.Ok();
        return ManagementRequests.Created(context, "data-type", key.ToString());
    }

    /// An update reads as a create without id and parent.
    private static async Task<(CreateDataTypeRequestModel? Body, IResult? Problem)> ReadUpdateAsync(HttpContext context)
    {
        var (body, problem) = await ManagementRequests.ReadAsync<UpdateDataTypeRequestModel>(context);
        return (body is null ? null : new CreateDataTypeRequestModel(body.Name, body.EditorAlias, body.EditorUiAlias, body.Values, null, null), problem);
    }

    private static async Task<IResult> Delete(Guid id, ClaimsPrincipal principal, SchemaService service, CancellationToken ct)
    {
        var result = await service.DeleteDataTypeAsync(id, Caller.From(principal).Actor, ct);
        return result.Succeeded ? Results.Ok() : ManagementRequests.From(result);
    }
}

public sealed record DataTypePropertyModel(string Alias, JsonNode? Value);

public sealed record CreateDataTypeRequestModel(string? Name, string? EditorAlias, string? EditorUiAlias, IReadOnlyList<DataTypePropertyModel>? Values, Guid? Id,
    ReferenceByIdModel? Parent);

public sealed record UpdateDataTypeRequestModel(string? Name, string? EditorAlias, string? EditorUiAlias, IReadOnlyList<DataTypePropertyModel>? Values);

public sealed record DataTypeResponseModel(string Name, string EditorAlias, string? EditorUiAlias, IReadOnlyList<DataTypePropertyModel> Values, Guid Id,
    bool IsDeletable, bool CanIgnoreStartNodes);

public sealed record DataTypeContentTypeReferenceModel(Guid Id, string Type, string Name, string Icon);

public sealed record DataTypePropertyReferenceModel(string Name, string Alias);

public sealed record DataTypeReferenceResponseModel(DataTypeContentTypeReferenceModel ContentType, IReadOnlyList<DataTypePropertyReferenceModel> Properties);
