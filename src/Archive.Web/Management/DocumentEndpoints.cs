using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Data;
using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;
using Archive.Identity;
using Archive.Web.Management.Document;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

/// Documents through Umbraco's Management API routes and shapes: read, create, update drafts per
/// culture, publish and unpublish per culture (with schedules). Every read carries an ETag (the
/// item's revision); an update or publish sending a stale If-Match gets 412 with the current item.
/// A create retried with the same Idempotency-Key makes one document.
public static class DocumentEndpoints
{
    public static void MapDocuments(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("document").WithTags("Document");
        documents.MapGet("{id:guid}", Get).WithName("GetDocumentById");
        documents.MapPost("", Create).WithName("PostDocument").RequireAuthorization(ManagementPolicies.Writer);
        documents.MapPut("{id:guid}", Update).WithName("PutDocumentById").RequireAuthorization(ManagementPolicies.Writer);
        documents.MapPut("{id:guid}/publish", Publish).WithName("PutDocumentByIdPublish").RequireAuthorization(ManagementPolicies.Publisher);
        documents.MapPut("{id:guid}/unpublish", Unpublish).WithName("PutDocumentByIdUnpublish").RequireAuthorization(ManagementPolicies.Publisher);
    }

    public static string ETagOf(int revision) => $"\"{revision}\"";

    internal sealed record Loaded(NodeEntity Node, ContentData Draft, IReadOnlyList<NodeCultureEntity> Cultures, IReadOnlyList<Guid> PathKeys);

    internal static async Task<Loaded?> LoadAsync(ArchiveDbContext db, Guid id, CancellationToken ct, bool media = false)
    {
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == id && n.IsMedia == media, ct);
        if (node is null)
            return null;
        var draft = await db.NodeVersions.AsNoTracking().Where(v => v.NodeId == node.Id && v.IsDraft).Select(v => v.Data).FirstAsync(ct);
        var cultures = await db.NodeCultures.AsNoTracking().Where(c => c.NodeId == node.Id).ToListAsync(ct);
        return new Loaded(node, ContentData.FromJson(draft), cultures, await Caller.PathKeysAsync(db, node.Path, ct));
    }

    /// Only what deciding a caller's reach needs, before a change the engine makes from its own reading:
    /// the node, and the keys on its path for callers limited to their grants (one query for the others).
    internal static async Task<Loaded?> LoadReachAsync(ArchiveDbContext db, Guid id, Caller caller, CancellationToken ct)
    {
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == id && !n.IsMedia, ct);
        if (node is null)
            return null;
        return new Loaded(node, new ContentData(), [], caller.IsScoped ? await Caller.PathKeysAsync(db, node.Path, ct) : []);
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal principal, HttpContext context, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        if (await LoadAsync(db, id, ct) is not { } item)
            return ManagementRequests.Problem(404, "Not found", $"No document with id {id}.");
        if (!caller.Reaches(item.PathKeys))
            return ManagementRequests.Forbidden("This document is outside the collections granted to you.");
        context.Response.Headers.ETag = ETagOf(item.Node.Revision);
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Json(await ResponseAsync(db, schemas, item, caller, ct));
    }

    internal static async Task<DocumentResponseModel> ResponseAsync(ArchiveDbContext db, SchemaStore schemas, Loaded item, Caller caller, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        var type = schema.FindType(item.Node.ContentTypeAlias, ContentTypeKind.Document);
        var properties = type is null ? [] : schema.PropertiesOf(type).ToDictionary(p => p.Alias);
        var seesPrivate = caller.SeesPrivate(item.PathKeys);
        var values = new List<DocumentValueResponseModel>();
        foreach (var (alias, byCulture) in item.Draft.Values)
        {
            if (!properties.TryGetValue(alias, out var property) || property.IsSensitive && !seesPrivate)
                continue;
            foreach (var (culture, stored) in byCulture)
                values.Add(new DocumentValueResponseModel(culture.Length == 0 ? null : culture, null, alias, ToApi(stored, property.EditorAlias), property.EditorAlias));
        }
        var schedules = await db.Schedules.AsNoTracking().Where(s => s.NodeId == item.Node.Id).ToListAsync(ct);
        DateTimeOffset? When(string culture, string action) =>
            schedules.Where(s => (s.Culture == culture || s.Culture == "") && s.Action == action).Select(s => (DateTimeOffset?)DateTime.SpecifyKind(s.Date, DateTimeKind.Utc)).Min();
        var variants = item.Cultures.OrderBy(c => c.Culture).Select(c => new DocumentVariantResponseModel(
            c.Culture.Length == 0 ? null : c.Culture, null, c.Name,
            DateTime.SpecifyKind(item.Node.CreateDate, DateTimeKind.Utc), DateTime.SpecifyKind(item.Node.UpdateDate, DateTimeKind.Utc),
            VariantState.Of(c, item.Node.Trashed),
            c.PublishDate is { } published ? DateTime.SpecifyKind(published, DateTimeKind.Utc) : null,
            When(c.Culture, "publish"), When(c.Culture, "unpublish"), [])).ToList();
        return new DocumentResponseModel(new DocumentTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "icon-document", null),
            values, variants, item.Node.Key, ArchiveAliases.IsTrue(item.Draft.GetValue(ArchiveAliases.PrivateRecord)) ? [FlagModel.PrivateRecord] : [], item.Node.TemplateKey is { } template ? new ReferenceByIdModel(template) : null, item.Node.Trashed);
    }

    /// Stored text as the API's value: JSON where the editor stores JSON, numbers and booleans typed.
    internal static JsonNode? ToApi(string stored, string editorAlias)
    {
        if (Archive.Engine.Editors.PropertyEditors.Default.For(editorAlias).ToManagement(stored) is { } shaped)
            return shaped;
        switch (editorAlias)
        {
            case "Umbraco.Integer" when long.TryParse(stored, out var whole):
                return JsonValue.Create(whole);
            case "Umbraco.Decimal" when decimal.TryParse(stored, System.Globalization.CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case "Umbraco.TrueFalse":
                return JsonValue.Create(stored is "1" or "true" or "True");
        }
        var trimmed = stored.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(stored);
            }
            catch (JsonException)
            {
            }
        }
        return JsonValue.Create(stored);
    }

    internal static ContentEdit EditOf(IReadOnlyList<DocumentVariantRequestModel>? variants, IReadOnlyList<DocumentValueModel>? values) => new()
    {
        Names = (variants ?? []).GroupBy(v => v.Culture ?? ContentData.Invariant).ToDictionary(g => g.Key, g => g.Last().Name),
        Values = (values ?? []).Select(v => new ValueEdit(v.Alias, v.Culture, v.Value is { ValueKind: not JsonValueKind.Null } element ? JsonNode.Parse(element.GetRawText()) : null)).ToList(),
    };

    /// Values of private properties a caller may not see cannot be written by them either.
    private static async Task<IResult?> RefusePrivateAsync(ArchiveDbContext db, SchemaStore schemas, string contentTypeAlias, IReadOnlyList<DocumentValueModel>? values, Caller caller,
        IReadOnlyList<Guid> pathKeys, CancellationToken ct)
    {
        if (caller.SeesPrivate(pathKeys) || values is not { Count: > 0 })
            return null;
        var schema = await schemas.GetAsync(db, ct);
        var type = schema.FindType(contentTypeAlias, ContentTypeKind.Document);
        var sensitive = type is null ? [] : schema.PropertiesOf(type).Where(p => p.IsSensitive).Select(p => p.Alias).ToHashSet();
        var index = values.Select((v, i) => (v, i)).FirstOrDefault(x => sensitive.Contains(x.v.Alias));
        return index.v is null ? null : ManagementRequests.Forbidden($"$.values[{index.i}]: this property is private and not open to you.");
    }

    /// Where a new document would go, checked as creating and validating it both need: its type, and a parent
    /// that exists and lies within the caller's grants (the parent's path keys, for the private-field rule).
    internal static async Task<(ContentType Type, IReadOnlyList<Guid> ParentPath, IResult? Problem)> PlaceNewAsync(CreateDocumentRequestModel body, Caller caller,
        ArchiveDbContext db, SchemaSnapshot schema, CancellationToken ct)
    {
        if (body.DocumentType is null)
            return (null!, [], ManagementRequests.Invalid("$.documentType", "The document type is required."));
        if (schema.FindType(body.DocumentType.Id) is not { Kind: ContentTypeKind.Document } type)
            return (null!, [], ManagementRequests.Invalid("$.documentType.id", $"No document type with id {body.DocumentType.Id}."));
        IReadOnlyList<Guid> parentPath = [];
        if (body.Parent is { } parent)
        {
            var parentNode = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == parent.Id && !n.IsMedia, ct);
            if (parentNode is null)
                return (null!, [], ManagementRequests.Invalid("$.parent.id", $"No document with id {parent.Id}."));
            parentPath = await Caller.PathKeysAsync(db, parentNode.Path, ct);
        }
        if (!caller.Reaches(parentPath))
            return (null!, [], ManagementRequests.Forbidden("Documents can be created only within the collections granted to you."));
        return (type, parentPath, null);
    }

    private static async Task<IResult> Create(HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, SchemaStore schemas, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var (body, problem) = await ManagementRequests.ReadAsync<CreateDocumentRequestModel>(context);
        if (problem is not null)
            return problem;
        var (type, parentPath, refusedPlace) = await PlaceNewAsync(body!, caller, db, await schemas.GetAsync(db, ct), ct);
        if (refusedPlace is not null)
            return refusedPlace;
        if (await RefusePrivateAsync(db, schemas, type.Alias, body!.Values, caller, parentPath, ct) is { } refused)
            return refused;

        // A retried create (same Idempotency-Key from the same account) names the same document.
        var key = body.Id;
        if (key is null && context.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } idempotency)
            key = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.Id}:{idempotency}"))[..16]);
        if (key is { } existing && await db.Nodes.AsNoTracking().AnyAsync(n => n.Key == existing, ct))
            return body.Id is null ? Created(context, existing) : ManagementRequests.Invalid("$.id", $"A document with id {existing} exists already.");

        OperationResult result;
        try
        {
            result = await content.CreateAsync(body.Parent?.Id, type.Alias, EditOf(body.Variants, body.Values), caller.Actor, key, ct: ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same retry arrived twice at once: the other one made it.
            return Created(context, key.Value);
        }
        return result.Succeeded ? Created(context, result.Key!.Value) : ValidationPaths.Problem(result, body.Values);
    }

    private static IResult Created(HttpContext context, Guid key) => ManagementRequests.Created(context, "document", key.ToString());

    /// The revision an If-Match names ("*" or absent: none, as Umbraco's own clients send none).
    internal static (bool Valid, int? Revision) IfMatch(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
            return (true, null);
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return int.TryParse(tag.Trim('"'), out var revision) ? (true, revision) : (false, null);
    }

    /// 404 for no such document, 403 when it is outside the caller's grants, else null.
    internal static IResult? Refuse(Loaded? item, Guid id, Caller caller) =>
        item is null ? ManagementRequests.Problem(404, "Not found", $"No document with id {id}.")
        : !caller.Reaches(item.PathKeys) ? ManagementRequests.Forbidden("This document is outside the collections granted to you.")
        : null;

    /// A failed change: 412 with the current state when someone else changed it first, else its problems where the
    /// back office shows them (values: the request's, when it sent any).
    private static async Task<IResult> Conflict(HttpContext context, ArchiveDbContext db, SchemaStore schemas, Guid id, Caller caller, OperationResult result, CancellationToken ct,
        IReadOnlyList<DocumentValueModel>? values = null)
    {
        db.ChangeTracker.Clear();
        if (result.Status != OperationStatus.ConcurrencyConflict || await LoadAsync(db, id, ct) is not { } current)
            return ValidationPaths.Problem(result, values);
        context.Response.Headers.ETag = ETagOf(current.Node.Revision);
        return ManagementRequests.Problem(412, "The item was changed by someone else",
            "Your If-Match names an earlier revision; the current one is in 'current' and its ETag in the response headers.",
            new Dictionary<string, object?> { ["current"] = await ResponseAsync(db, schemas, current, caller, ct) });
    }

    private static async Task<IResult> Update(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, SchemaStore schemas, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var (valid, revision) = IfMatch(context);
        if (!valid)
            return ManagementRequests.Invalid("If-Match", "If-Match must be an ETag this API gave out.");
        var (body, problem) = await ManagementRequests.ReadAsync<UpdateDocumentRequestModel>(context);
        if (problem is not null)
            return problem;
        var item = await LoadReachAsync(db, id, caller, ct);
        if (Refuse(item, id, caller) is { } refused)
            return refused;
        if (await RefusePrivateAsync(db, schemas, item!.Node.ContentTypeAlias, body!.Values, caller, item.PathKeys, ct) is { } hidden)
            return hidden;
        var result = await content.SaveAsync(id, EditOf(body.Variants, body.Values), caller.Actor, revision, ct);
        if (!result.Succeeded)
            return await Conflict(context, db, schemas, id, caller, result, ct, body.Values);
        context.Response.Headers.ETag = ETagOf(result.Revision ?? 0);
        return Results.Ok();
    }

    private static async Task<IResult> Publish(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, SchemaStore schemas, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var (valid, revision) = IfMatch(context);
        if (!valid)
            return ManagementRequests.Invalid("If-Match", "If-Match must be an ETag this API gave out.");
        var (body, problem) = await ManagementRequests.ReadAsync<PublishDocumentRequestModel>(context);
        if (problem is not null)
            return problem;
        var item = await LoadReachAsync(db, id, caller, ct);
        if (Refuse(item, id, caller) is { } refused)
            return refused;
        var schedules = body!.PublishSchedules ?? [];
        var now = (schedules.Count == 0 ? [new CultureAndScheduleRequestModel(null, null)] : schedules).Where(s => s.Schedule?.PublishTime is null).ToList();
        foreach (var (schedule, index) in schedules.Select((s, i) => (s, i)))
        {
            if (schedule.Schedule?.PublishTime is { } publishAt)
                if (await content.ScheduleAsync(id, schedule.Culture, "publish", publishAt.UtcDateTime, caller.Actor, ct) is { Succeeded: false } failed)
                    return ManagementRequests.From(failed);
            if (schedule.Schedule?.UnpublishTime is { } unpublishAt)
                if (await content.ScheduleAsync(id, schedule.Culture, "unpublish", unpublishAt.UtcDateTime, caller.Actor, ct) is { Succeeded: false } failed)
                    return ManagementRequests.From(failed);
        }
        if (now.Count > 0)
        {
            var cultures = now.Any(s => s.Culture is null) ? null : now.Select(s => s.Culture!).ToList();
            var result = await content.PublishAsync(id, cultures, caller.Actor, revision, ct);
            if (!result.Succeeded)
                return await Conflict(context, db, schemas, id, caller, result, ct);
            context.Response.Headers.ETag = ETagOf(result.Revision ?? 0);
        }
        return Results.Ok();
    }

    private static async Task<IResult> Unpublish(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, SchemaStore schemas, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var (valid, revision) = IfMatch(context);
        if (!valid)
            return ManagementRequests.Invalid("If-Match", "If-Match must be an ETag this API gave out.");
        var (body, problem) = await ManagementRequests.ReadAsync<UnpublishDocumentRequestModel>(context);
        if (problem is not null)
            return problem;
        var item = await LoadReachAsync(db, id, caller, ct);
        if (Refuse(item, id, caller) is { } refused)
            return refused;
        var result = await content.UnpublishAsync(id, body!.Cultures is { Count: > 0 } cultures ? cultures : null, caller.Actor, revision, ct);
        if (!result.Succeeded)
            return await Conflict(context, db, schemas, id, caller, result, ct);
        context.Response.Headers.ETag = ETagOf(result.Revision ?? 0);
        return Results.Ok();
    }
}
