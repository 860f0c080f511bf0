using System.Security.Claims;
using Archive.Data;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

/// Document and media types in Umbraco's routes and shapes. Everyone signed in reads them;
/// administrators create, change and delete them, under the engine's schema rules and without
/// losing stored values. Archive adds `isSensitive` to a property (a private field); a client that
/// does not send it keeps the flag the property had.
public static class ContentTypeEndpoints
{
    public static void MapContentTypes(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("document-type").WithTags("Document Type");
        documents.MapGet("{id:guid}", (Guid id, ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, CancellationToken ct) => GetAsync(id, ContentTypeKind.Document, p, db, s, ct)).WithName("GetDocumentTypeById");
        documents.MapPost("", (HttpContext c, ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, SchemaService service) => SaveAsync(null, ContentTypeKind.Document, c, p, db, s, service))
            .WithName("PostDocumentType").RequireAuthorization(ManagementPolicies.Administrator);
        documents.MapPut("{id:guid}", (Guid id, HttpContext c, ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, SchemaService service) => SaveAsync(id, ContentTypeKind.Document, c, p, db, s, service))
            .WithName("PutDocumentTypeById").RequireAuthorization(ManagementPolicies.Administrator);
        documents.MapDelete("{id:guid}", (Guid id, ClaimsPrincipal p, SchemaService service, CancellationToken ct) => DeleteAsync(id, ContentTypeKind.Document, p, service, ct))
            .WithName("DeleteDocumentTypeById").RequireAuthorization(ManagementPolicies.Administrator);

        var media = api.MapGroup("media-type").WithTags("Media Type");
        media.MapGet("{id:guid}", (Guid id, ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, CancellationToken ct) => GetAsync(id, ContentTypeKind.Media, p, db, s, ct)).WithName("GetMediaTypeById");
        media.MapPost("", (HttpContext c, ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, SchemaService service) => SaveAsync(null, ContentTypeKind.Media, c, p, db, s, service))
            .WithName("PostMediaType").RequireAuthorization(ManagementPolicies.Administrator);
        media.MapPut("{id:guid}", (Guid id, HttpContext c, ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, SchemaService service) => SaveAsync(id, ContentTypeKind.Media, c, p, db, s, service))
            .WithName("PutMediaTypeById").RequireAuthorization(ManagementPolicies.Administrator);
        media.MapDelete("{id:guid}", (Guid id, ClaimsPrincipal p, SchemaService service, CancellationToken ct) => DeleteAsync(id, ContentTypeKind.Media, p, service, ct))
            .WithName("DeleteMediaTypeById").RequireAuthorization(ManagementPolicies.Administrator);
    }

    private static string Noun(ContentTypeKind kind) => kind == ContentTypeKind.Media ? "media type" : "document type";

    private static async Task<IResult> GetAsync(Guid id, ContentTypeKind kind, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        if (schema.FindType(id) is not { } type || type.Kind != kind)
            return ManagementRequests.Problem(404, "Not found", $"No {Noun(kind)} with id {id}.");
        if (!Roles.SeesPrivateFields(Caller.From(principal).Role))
            type = WithoutPrivate(type, schema);
        var templates = await db.SchemaItems.AsNoTracking().Where(s => s.Kind == SchemaKinds.Opaque && s.Alias.StartsWith("Template:")).ToListAsync(ct);
        return Results.Ok(ContentTypeModels.Response(type, templates));
    }

    /// The type as someone who may not see private fields is shown it, as Umbraco hides sensitive properties from
    /// users without access to sensitive data: without those properties, and without the tabs and groups left empty.
    private static Engine.Schema.ContentType WithoutPrivate(Engine.Schema.ContentType type, SchemaSnapshot schema)
    {
        var shown = schema.PropertiesOf(type).Where(p => !p.IsSensitive && p.GroupAlias is not null).Select(p => p.GroupAlias!).ToList();
        return type with
        {
            Properties = type.Properties.Where(p => !p.IsSensitive).ToList(),
            Groups = type.Groups.Where(g => shown.Any(alias => alias == g.Alias || alias.StartsWith(g.Alias + "/", StringComparison.Ordinal))).ToList(),
        };
    }

    private static async Task<IResult> SaveAsync(Guid? id, ContentTypeKind kind, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, SchemaService service)
    {
        var ct = context.RequestAborted;
        var (body, problem) = (kind, id) switch
        {
            (ContentTypeKind.Media, null) => await ReadAs<CreateMediaTypeRequestModel>(context, b => b.ToCommon()),
            (ContentTypeKind.Media, _) => await ReadAs<UpdateMediaTypeRequestModel>(context, b => b.ToCommon()),
            (_, null) => await ReadAs<CreateDocumentTypeRequestModel>(context, b => b.ToCommon()),
            _ => await ReadAs<UpdateDocumentTypeRequestModel>(context, b => b.ToCommon()),
        };
        if (problem is not null)
            return problem;
        if (id is { } routeId && body!.Id is { } bodyId && bodyId != routeId)
            return ManagementRequests.Invalid("id", "The id in the body is not the one in the route.");
        if (body!.Parent is not null)
            return ManagementRequests.Invalid("parent", "Types are not kept in folders here; send no parent.");
        var key = id ?? body.Id ?? Guid.NewGuid();
        var schema = await schemas.GetAsync(db, ct);
        var templates = await db.SchemaItems.AsNoTracking().Where(s => s.Kind == SchemaKinds.Opaque && s.Alias.StartsWith("Template:")).ToListAsync(ct);
        var (proposed, refused) = ContentTypeModels.ToContentType(body, key, kind, schema, templates);
        if (refused is not null)
            return refused;
        var result = await service.SaveContentTypeAsync(proposed!, creating: id is null, Caller.From(principal).Actor, ct);
        if (!result.Succeeded)
            return ManagementRequests.From(result);
        if (id is not null)
            return Results.Ok();
        return ManagementRequests.Created(context, kind == ContentTypeKind.Media ? "media-type" : "document-type", key.ToString());
    }

    private static async Task<(ContentTypeRequest? Body, IResult? Problem)> ReadAs<T>(HttpContext context, Func<T, ContentTypeRequest> common) where T : class
    {
        var (body, problem) = await ManagementRequests.ReadAsync<T>(context);
        return problem is not null ? (null, problem) : (common(body!), null);
    }

    private static async Task<IResult> DeleteAsync(Guid id, ContentTypeKind kind, ClaimsPrincipal principal, SchemaService service, CancellationToken ct)
    {
        var result = await service.DeleteContentTypeAsync(id, kind, Caller.From(principal).Actor, ct);
        return result.Succeeded ? Results.Ok() : ManagementRequests.From(result);
    }
}
