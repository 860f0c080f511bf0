using System.Security.Claims;
using Archive.Data;
using Archive.Data.Content;
using Archive.Engine.Content;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

public sealed record MoveDocumentRequestModel(ReferenceByIdModel? Target);

/// Umbraco restores documents and moves or restores media with this model.
public sealed record MoveMediaRequestModel(ReferenceByIdModel? Target);

public sealed record SortingItem(Guid Id, int SortOrder);

public sealed record CopyDocumentRequestModel(ReferenceByIdModel? Target, bool RelateToOriginal, bool IncludeDescendants);

public sealed record SortingRequestModel(ReferenceByIdModel? Parent, IReadOnlyList<SortingItem> Sorting);

/// The recycle bin, moving and sorting, versions with rollback, and the audit log of a document.
public static class DocumentWorkflowEndpoints
{
    public static void MapDocumentWorkflow(this RouteGroupBuilder api)
    {
        api.MapPut("document/{id:guid}/move-to-recycle-bin", Trash).WithName("PutDocumentByIdMoveToRecycleBin").WithTags("Document").RequireAuthorization(ManagementPolicies.Publisher);
        api.MapPut("recycle-bin/document/{id:guid}/restore", Restore).WithName("PutRecycleBinDocumentByIdRestore").WithTags("Document").RequireAuthorization(ManagementPolicies.Publisher);
        api.MapPut("document/{id:guid}/move", Move).WithName("PutDocumentByIdMove").WithTags("Document").RequireAuthorization(ManagementPolicies.Writer);
        api.MapPost("document/{id:guid}/copy", Copy).WithName("PostDocumentByIdCopy").WithTags("Document").RequireAuthorization(ManagementPolicies.Writer);
        api.MapPut("document/sort", Sort).WithName("PutDocumentSort").WithTags("Document").RequireAuthorization(ManagementPolicies.Writer);
        api.MapGet("document/{id:guid}/audit-log", AuditLog).WithName("GetDocumentByIdAuditLog").WithTags("Document");
        api.MapGet("document-version", Versions).WithName("GetDocumentVersion").WithTags("Document Version");
        api.MapGet("document-version/{id:guid}", Version).WithName("GetDocumentVersionById").WithTags("Document Version");
        api.MapPost("document-version/{id:guid}/rollback", Rollback).WithName("PostDocumentVersionByIdRollback").WithTags("Document Version").RequireAuthorization(ManagementPolicies.Writer);
    }

    internal static async Task<(DocumentEndpoints.Loaded? Item, IResult? Refusal)> ReachAsync(ArchiveDbContext db, Guid id, Caller caller, CancellationToken ct, bool withDraft = false)
    {
        var item = withDraft ? await DocumentEndpoints.LoadAsync(db, id, ct) : await DocumentEndpoints.LoadReachAsync(db, id, caller, ct);
        return (item, DocumentEndpoints.Refuse(item, id, caller));
    }

    /// The common start of a change: who calls, the body read strictly, the item within their reach.
    internal static async Task<(T? Body, Caller Caller, DocumentEndpoints.Loaded? Item, IResult? Refusal)> PrepareAsync<T>(HttpContext context, ClaimsPrincipal principal,
        ArchiveDbContext db, Guid id, CancellationToken ct, bool withDraft = false) where T : class
    {
        var caller = Caller.From(principal);
        var (body, problem) = await ManagementRequests.ReadAsync<T>(context);
        if (problem is not null)
            return (null, caller, null, problem);
        var (item, refusal) = await ReachAsync(db, id, caller, ct, withDraft);
        return (body, caller, item, refusal);
    }

    internal static IResult Done(OperationResult result, HttpContext context)
    {
        if (!result.Succeeded)
            return ManagementRequests.From(result);
        if (result.Revision is { } revision)
            context.Response.Headers.ETag = DocumentEndpoints.ETagOf(revision);
        return Results.Ok();
    }

    private static async Task<IResult> Trash(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        if ((await ReachAsync(db, id, caller, ct)).Refusal is { } refusal)
            return refusal;
        return Done(await content.TrashAsync(id, caller.Actor, ct), context);
    }

    private static async Task<IResult> Restore(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var (body, caller, _, refusal) = await PrepareAsync<MoveMediaRequestModel>(context, principal, db, id, ct);
        if (refusal is not null)
            return refusal;
        if (body!.Target is { } target && await TargetRefusedAsync(db, target.Id, caller, ct) is { } refused)
            return refused;
        return Done(await content.RestoreAsync(id, body.Target?.Id, caller.Actor, ct), context);
    }

    /// Where an item may go: a target within the caller's reach, or the root for unscoped roles only.
    private static async Task<IResult?> DestinationRefusedAsync(ArchiveDbContext db, Guid? target, Caller caller, string what, CancellationToken ct) =>
        target is { } key ? await TargetRefusedAsync(db, key, caller, ct)
        : caller.IsScoped ? ManagementRequests.Forbidden($"Only curators and administrators {what} at the root.")
        : null;

    private static async Task<IResult?> TargetRefusedAsync(ArchiveDbContext db, Guid target, Caller caller, CancellationToken ct)
    {
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == target && !n.IsMedia, ct);
        if (node is null)
            return ManagementRequests.Invalid("$.target.id", $"No document with id {target}.");
        return caller.Reaches(await Caller.PathKeysAsync(db, node.Path, ct)) ? null : ManagementRequests.Forbidden("The target is outside the collections granted to you.");
    }

    private static async Task<IResult> Move(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var (body, caller, _, refusal) = await PrepareAsync<MoveDocumentRequestModel>(context, principal, db, id, ct);
        if (refusal is not null)
            return refusal;
        if (await DestinationRefusedAsync(db, body!.Target?.Id, caller, "move items", ct) is { } refused)
            return refused;
        return Done(await content.MoveAsync(id, body.Target?.Id, caller.Actor, ct), context);
    }

    /// A copy is a new draft with the original's names and values (its unique values, such as an
    /// accession number, must then differ: the rules say where); descendants are not copied.
    private static async Task<IResult> Copy(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var (body, caller, item, refusal) = await PrepareAsync<CopyDocumentRequestModel>(context, principal, db, id, ct, withDraft: true);
        if (refusal is not null)
            return refusal;
        if (body!.IncludeDescendants)
            return ManagementRequests.Invalid("$.includeDescendants", "Copying descendants is not offered; copy them one by one.");
        if (await DestinationRefusedAsync(db, body.Target?.Id, caller, "copy items", ct) is { } refused)
            return refused;
        var data = item!.Draft;
        var edit = new Archive.Engine.Content.ContentEdit
        {
            Names = data.Names.ToDictionary(n => n.Key, n => n.Value),
            Values = data.Values.SelectMany(v => v.Value.Select(c => new Archive.Engine.Content.ValueEdit(v.Key, c.Key.Length == 0 ? null : c.Key,
                DocumentEndpoints.ToApi(c.Value, "")))).ToList(),
        };
        var copied = await content.CreateAsync(body.Target?.Id, item.Node.ContentTypeAlias, edit, caller.Actor, ct: ct);
        if (!copied.Succeeded)
            return ManagementRequests.From(copied);
        return ManagementRequests.Created(context, "document", copied.Key!.Value.ToString());
    }

    private static async Task<IResult> Sort(HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var (body, problem) = await ManagementRequests.ReadAsync<SortingRequestModel>(context);
        if (problem is not null)
            return problem;
        if (await DestinationRefusedAsync(db, body!.Parent?.Id, caller, "sort items", ct) is { } refused)
            return refused;
        var ordered = (body.Sorting ?? []).OrderBy(s => s.SortOrder).Select(s => s.Id).ToList();
        return Done(await content.SortAsync(body.Parent?.Id, ordered, isMedia: false, caller.Actor, ct), context);
    }

    private static async Task<IResult> AuditLog(Guid id, ClaimsPrincipal principal, ArchiveDbContext db, CancellationToken ct,
        string? orderDirection = null, DateTimeOffset? sinceDate = null, int skip = 0, int take = 100)
    {
        if ((await ReachAsync(db, id, Caller.From(principal), ct)).Refusal is { } refusal)
            return refusal;
        return await AuditLogEndpoints.PageAsync(db.Audit.AsNoTracking().Where(a => a.EntityKey == id), orderDirection, sinceDate, skip, take, ct);
    }

    /// Version ids are GUIDs in Umbraco's API: the archive's numbers, carried in the first eight bytes.
    public static Guid VersionGuid(long id)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes, id);
        "ARCHIVE-"u8.CopyTo(bytes.AsSpan(8));
        return new Guid(bytes);
    }

    public static long? VersionNumber(Guid id)
    {
        var bytes = id.ToByteArray();
        return bytes.AsSpan(8).SequenceEqual("ARCHIVE-"u8) ? BitConverter.ToInt64(bytes) : null;
    }

    private static async Task<IResult> Versions(ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, Archive.Data.Schema.SchemaStore schemas, CancellationToken ct,
        Guid? documentId = null, string? culture = null, int skip = 0, int take = 100)
    {
        if (documentId is not { } id)
            return ManagementRequests.Invalid("documentId", "documentId is required.");
        var (item, refusal) = await ReachAsync(db, id, Caller.From(principal), ct);
        if (refusal is not null)
            return refusal;
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var schema = await schemas.GetAsync(db, ct);
        var versions = (await content.ListVersionsAsync(id, ct))!;
        if (culture is not null)
        {
            // The versions that have the document in that culture.
            if (schema.Cultures.Resolve(culture) is not { } known)
                return ManagementRequests.Invalid("culture", $"'{culture}' is not one of the archive's languages.");
            var named = (await db.NodeVersions.AsNoTracking().Where(v => v.NodeId == item!.Node.Id).Select(v => new { v.Id, v.Data }).ToListAsync(ct))
                .Where(v => ContentData.FromJson(v.Data).Names.ContainsKey(known)).Select(v => v.Id).ToHashSet();
            versions = versions.Where(v => named.Contains(v.Id)).ToList();
        }
        var type = schema.FindType(item!.Node.ContentTypeAlias, Archive.Engine.Schema.ContentTypeKind.Document);
        return Results.Ok(new PagedResponse<DocumentVersionItemResponseModel>(versions.Count, versions.Skip(skip).Take(take).Select(v => new DocumentVersionItemResponseModel(
            VersionGuid(v.Id), new ReferenceByIdModel(id), new ReferenceByIdModel(type?.Key ?? Guid.Empty), new ReferenceByIdModel(AuditLogEndpoints.UserIdOf(v.CreatedBy)),
            DateTime.SpecifyKind(v.CreatedAt, DateTimeKind.Utc), v.IsPublished, v.IsDraft, PreventCleanup: false)).ToList()));
    }

    /// One version's names and values, as Umbraco's back office reads them to compare with the current
    /// draft; private fields follow the caller's rights as on the document itself.
    private static async Task<IResult> Version(Guid id, ClaimsPrincipal principal, ArchiveDbContext db, Archive.Data.Schema.SchemaStore schemas, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        var version = VersionNumber(id) is { } versionId
            ? await db.NodeVersions.AsNoTracking().Include(v => v.Node).FirstOrDefaultAsync(v => v.Id == versionId && !v.Node!.IsMedia, ct)
            : null;
        if (version is null)
            return ManagementRequests.Problem(404, "Not found", $"No document version with id {id}.");
        var (item, refusal) = await ReachAsync(db, version.Node!.Key, caller, ct);
        if (refusal is not null)
            return refusal;
        var data = ContentData.FromJson(version.Data);
        var document = await DocumentEndpoints.ResponseAsync(db, schemas, item! with { Draft = data }, caller, ct);
        var at = DateTime.SpecifyKind(version.CreatedAt, DateTimeKind.Utc);
        return Results.Ok(new DocumentVersionResponseModel(document.Values,
            data.Names.Select(n => new DocumentVersionVariantModel(n.Key.Length == 0 ? null : n.Key, null, n.Value, at, at)).ToList(),
            id, document.DocumentType, new ReferenceByIdModel(version.Node.Key)));
    }

    private static async Task<IResult> Rollback(Guid id, HttpContext context, ClaimsPrincipal principal, ArchiveDbContext db, ContentService content, CancellationToken ct)
    {
        var caller = Caller.From(principal);
        if (VersionNumber(id) is not { } versionId)
            return ManagementRequests.Problem(404, "Not found", $"No document version with id {id}.");
        var nodeKey = await db.NodeVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => (Guid?)v.Node!.Key).FirstOrDefaultAsync(ct);
        if (nodeKey is not { } key)
            return ManagementRequests.Problem(404, "Not found", $"No document version with id {id}.");
        if ((await ReachAsync(db, key, caller, ct)).Refusal is { } refusal)
            return refusal;
        return Done(await content.RollbackAsync(key, versionId, caller.Actor, ct), context);
    }
}
