using System.Security.Claims;
using Archive.Data;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.RecycleBin;

/// Umbraco's recycle-bin trees: what was trashed (its top items, and what lies beneath each), for the
/// bin in the content and media sections. Scoped roles see only what was trashed within their grants.
public static class RecycleBinEndpoints
{
    public sealed record DocumentRecycleBinItemResponseModel(Guid Id, DateTimeOffset CreateDate, bool HasChildren, ReferenceByIdModel? Parent,
        DocumentTypeReferenceResponseModel DocumentType, IReadOnlyList<DocumentVariantItemResponseModel> Variants);

    public sealed record MediaRecycleBinItemResponseModel(Guid Id, DateTimeOffset CreateDate, bool HasChildren, ReferenceByIdModel? Parent,
        MediaTypeReferenceResponseModel MediaType, IReadOnlyList<VariantItemResponseModel> Variants);

    public static void MapRecycleBins(this RouteGroupBuilder api)
    {
        foreach (var media in new[] { false, true })
        {
            var noun = media ? "media" : "document";
            var tag = media ? "Media" : "Document";
            api.MapGet($"recycle-bin/{noun}/root", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, CancellationToken ct, int skip = 0, int take = 100) =>
                LevelAsync(null, media, p, db, s, ct, skip, take)).WithName($"GetRecycleBin{tag}Root").WithTags(tag);
            api.MapGet($"recycle-bin/{noun}/children", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, CancellationToken ct, Guid? parentId = null, int skip = 0, int take = 100) =>
                parentId is { } parent ? LevelAsync(parent, media, p, db, s, ct, skip, take) : Task.FromResult(ManagementRequests.Invalid("parentId", "parentId is required.")))
                .WithName($"GetRecycleBin{tag}Children").WithTags(tag);
            api.MapGet($"recycle-bin/{noun}/{{id:guid}}/original-parent", (Guid id, ArchiveDbContext db, CancellationToken ct) => OriginalParentAsync(id, media, db, ct))
                .WithName($"GetRecycleBin{tag}ByIdOriginalParent").WithTags(tag);
        }
    }

    /// Where a trashed item came from, for the restore dialog's default: its parent, or null for the root (and
    /// for a parent now in the bin itself, which cannot take it back; the curator then chooses).
    private static async Task<IResult> OriginalParentAsync(Guid id, bool media, ArchiveDbContext db, CancellationToken ct)
    {
        if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == id && n.IsMedia == media && n.Trashed, ct) is not { } node)
            return ManagementRequests.Problem(404, "Not found", $"Nothing with id {id} is in the recycle bin.");
        var parent = node.ParentId is { } p ? await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == p && !n.Trashed, ct) : null;
        return Results.Json(parent is null ? null : new ReferenceByIdModel(parent.Key));
    }

    private static async Task<IResult> LevelAsync(Guid? parentKey, bool media, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct, int skip, int take)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var trashed = db.Nodes.AsNoTracking().Where(n => n.IsMedia == media && n.Trashed);
        List<NodeEntity> level;
        if (parentKey is { } key)
        {
            if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.IsMedia == media && n.Trashed, ct) is not { } parent)
                return ManagementRequests.Problem(404, "Not found", $"Nothing with id {key} is in the recycle bin.");
            level = await trashed.Where(n => n.ParentId == parent.Id).OrderBy(n => n.SortOrder).ToListAsync(ct);
        }
        else
            // The bin's top: trashed items whose parent is not (or which were at the root).
            level = await trashed.Where(n => n.ParentId == null || !db.Nodes.Any(p => p.Id == n.ParentId && p.Trashed)).OrderByDescending(n => n.TrashedAt).ToListAsync(ct);
        if (!media)
            level = await Caller.From(principal).WithinReachAsync(db, level, n => n.Path, ct);
        var page = level.Skip(skip).Take(take).ToList();
        var ids = page.Select(n => n.Id).ToList();
        var parentIds = page.Where(n => n.ParentId is not null).Select(n => n.ParentId!.Value).ToList();
        var parents = await db.Nodes.AsNoTracking().Where(n => parentIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
        var withChildren = (await db.Nodes.AsNoTracking().Where(n => n.ParentId != null && ids.Contains(n.ParentId.Value)).Select(n => n.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var schema = await schemas.GetAsync(db, ct);
        var items = page.Select(n =>
        {
            var type = schema.FindType(n.ContentTypeAlias, media ? ContentTypeKind.Media : ContentTypeKind.Document);
            var parent = n.ParentId is { } p && parents.TryGetValue(p, out var pk) ? new ReferenceByIdModel(pk) : null;
            var created = new DateTimeOffset(DateTime.SpecifyKind(n.CreateDate, DateTimeKind.Utc));
            var names = cultures[n.Id].OrderBy(c => c.Culture).ToList();
            return media
                ? (object)new MediaRecycleBinItemResponseModel(n.Key, created, withChildren.Contains(n.Id), parent, new MediaTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "", null),
                    names.Select(c => new VariantItemResponseModel(c.Name, c.Culture.Length == 0 ? null : c.Culture)).ToList())
                : new DocumentRecycleBinItemResponseModel(n.Key, created, withChildren.Contains(n.Id), parent, new DocumentTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "", null),
                    names.Select(c => new DocumentVariantItemResponseModel(c.Name, c.Culture.Length == 0 ? null : c.Culture, c.Published ? "Published" : "Draft")).ToList());
        }).ToList();
        return Results.Ok(new PagedResponse<object>(level.Count, items));
    }
}
