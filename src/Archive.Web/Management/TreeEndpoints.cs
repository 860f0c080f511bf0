using System.Security.Claims;
using Archive.Data;
using Archive.Data.Entities;
using Archive.Data.Publishing;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management;

/// The document and media trees in Umbraco's routes and shapes: roots, children and the ancestors
/// of an item. Editors and contributors see the branches granted to them and the way down to them
/// (marked noAccess); media follow the role, not grants.
public static class TreeEndpoints
{
    public static void MapTrees(this RouteGroupBuilder api)
    {
        api.MapGet("tree/document/root", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, int skip = 0, int take = 100) =>
            LevelAsync(null, media: false, p, db, s, f, ct, skip, take)).WithName("GetTreeDocumentRoot").WithTags("Document");
        api.MapGet("tree/document/children", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, Guid? parentId = null, int skip = 0, int take = 100) =>
            ChildrenAsync(parentId, media: false, p, db, s, f, ct, skip, take)).WithName("GetTreeDocumentChildren").WithTags("Document");
        api.MapGet("tree/document/ancestors", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, Guid? descendantId = null) =>
            AncestorsAsync(descendantId, media: false, p, db, s, f, ct)).WithName("GetTreeDocumentAncestors").WithTags("Document");
        api.MapGet("tree/media/root", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, int skip = 0, int take = 100) =>
            LevelAsync(null, media: true, p, db, s, f, ct, skip, take)).WithName("GetTreeMediaRoot").WithTags("Media");
        api.MapGet("tree/media/children", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, Guid? parentId = null, int skip = 0, int take = 100) =>
            ChildrenAsync(parentId, media: true, p, db, s, f, ct, skip, take)).WithName("GetTreeMediaChildren").WithTags("Media");
        api.MapGet("tree/media/ancestors", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, Guid? descendantId = null) =>
            AncestorsAsync(descendantId, media: true, p, db, s, f, ct)).WithName("GetTreeMediaAncestors").WithTags("Media");
        api.MapGet("tree/document/siblings", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, Guid? target = null, int before = 0, int after = 0) =>
            SiblingsAsync(target, before, after, media: false, p, db, s, f, ct)).WithName("GetTreeDocumentSiblings").WithTags("Document");
        api.MapGet("tree/media/siblings", (ClaimsPrincipal p, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct, Guid? target = null, int before = 0, int after = 0) =>
            SiblingsAsync(target, before, after, media: true, p, db, s, f, ct)).WithName("GetTreeMediaSiblings").WithTags("Media");
    }

    private static string Noun(bool media) => media ? "media" : "document";

    public sealed record SubsetTreeItemResponseModel(int TotalBefore, int TotalAfter, IReadOnlyList<object> Items);

    /// A window of an item's siblings around it (the tree reveals a deep item without loading whole levels).
    private static async Task<IResult> SiblingsAsync(Guid? target, int before, int after, bool media, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas,
        PrivateRecordFacts facts, CancellationToken ct)
    {
        if (target is not { } key)
            return ManagementRequests.Invalid("target", "target is required.");
        if (before < 0 || after < 0 || before > 1000 || after > 1000)
            return ManagementRequests.Invalid(before < 0 || before > 1000 ? "before" : "after", "before and after are between 0 and 1000.");
        if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.IsMedia == media, ct) is not { } node)
            return ManagementRequests.Problem(404, "Not found", $"No {Noun(media)} with id {key}.");
        // A trashed item is in the recycle bin, not in the tree (the bin lists its own).
        if (node.Trashed)
            return ManagementRequests.Problem(404, "In the recycle bin", $"This {Noun(media)} is in the recycle bin, not in the tree.");
        var reach = await ReachAsync(Caller.From(principal), media, db, ct);
        var siblings = (await db.Nodes.AsNoTracking().Where(n => n.IsMedia == media && !n.Trashed && n.ParentId == node.ParentId).OrderBy(n => n.SortOrder).ToListAsync(ct))
            .Where(reach.Shows).ToList();
        var index = siblings.FindIndex(n => n.Id == node.Id);
        if (index < 0)
            return ManagementRequests.Forbidden($"This {Noun(media)} is outside the collections granted to you.");
        var from = Math.Max(0, index - before);
        var to = Math.Min(siblings.Count - 1, index + after);
        var parentKey = node.ParentId is { } p ? await db.Nodes.AsNoTracking().Where(n => n.Id == p).Select(n => (Guid?)n.Key).FirstOrDefaultAsync(ct) : null;
        var items = await ItemsAsync(siblings.GetRange(from, to - from + 1), parentKey, media, reach, db, schemas, facts, ct);
        return Results.Ok(new SubsetTreeItemResponseModel(from, siblings.Count - 1 - to, items));
    }

    private static async Task<IResult> ChildrenAsync(Guid? parentKey, bool media, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, PrivateRecordFacts facts, CancellationToken ct, int skip, int take)
    {
        if (parentKey is not { } key)
            return ManagementRequests.Invalid("parentId", "parentId is required.");
        if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.IsMedia == media, ct) is not { } parent)
            return ManagementRequests.Problem(404, "Not found", $"No {Noun(media)} with id {key}.");
        return await LevelAsync(parent, media, principal, db, schemas, facts, ct, skip, take);
    }

    private static async Task<IResult> LevelAsync(NodeEntity? parent, bool media, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, PrivateRecordFacts facts, CancellationToken ct, int skip, int take)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var parentId = parent?.Id;
        var children = await db.Nodes.AsNoTracking().Where(n => n.IsMedia == media && !n.Trashed && n.ParentId == parentId).OrderBy(n => n.SortOrder).ToListAsync(ct);
        var reach = await ReachAsync(Caller.From(principal), media, db, ct);
        children = children.Where(reach.Shows).ToList();
        var page = children.Skip(skip).Take(take).ToList();
        return Results.Ok(new PagedResponse<object>(children.Count, await ItemsAsync(page, parent?.Key, media, reach, db, schemas, facts, ct)));
    }

    private static async Task<IResult> AncestorsAsync(Guid? descendantKey, bool media, ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, PrivateRecordFacts facts, CancellationToken ct)
    {
        if (descendantKey is not { } key)
            return ManagementRequests.Invalid("descendantId", "descendantId is required.");
        if (await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.IsMedia == media, ct) is not { } node)
            return ManagementRequests.Problem(404, "Not found", $"No {Noun(media)} with id {key}.");
        var reach = await ReachAsync(Caller.From(principal), media, db, ct);
        if (!reach.Shows(node))
            return ManagementRequests.Forbidden($"This {Noun(media)} is outside the collections granted to you.");
        var ids = node.Path.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        var path = (await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(ct)).OrderBy(n => ids.IndexOf(n.Id)).ToList();
        var keys = path.ToDictionary(n => n.Id, n => n.Key);
        // Umbraco lists the item itself last, each with its parent.
        var items = new List<object>();
        foreach (var step in path)
            items.AddRange(await ItemsAsync([step], step.ParentId is { } p && keys.TryGetValue(p, out var parentKey) ? parentKey : null, media, reach, db, schemas, facts, ct));
        return Results.Ok(items);
    }

    /// Which nodes a caller sees in the tree: scoped callers see their granted branches and the way to them.
    private sealed record Reach(bool Scoped, HashSet<string> GrantedIds, HashSet<string> OnTheWay)
    {
        public bool Shows(NodeEntity node) => !Scoped || OnTheWay.Contains(node.Id.ToString()) || Within(node);

        public bool Within(NodeEntity node) => !Scoped || node.Path.Split(',').Any(GrantedIds.Contains);
    }

    private static async Task<Reach> ReachAsync(Caller caller, bool media, ArchiveDbContext db, CancellationToken ct)
    {
        if (!caller.IsScoped || media)
            return new Reach(false, [], []);
        var granted = await db.Nodes.AsNoTracking().Where(n => caller.Grants.Contains(n.Key)).Select(n => n.Path).ToListAsync(ct);
        return new Reach(true, granted.Select(p => p.Split(',')[^1]).ToHashSet(), granted.SelectMany(p => p.Split(',')).ToHashSet());
    }

    private static IEnumerable<long> PathIds(NodeEntity node) =>
        node.Path.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Where(id => id > 0 && id != node.Id);

    private static async Task<List<object>> ItemsAsync(List<NodeEntity> nodes, Guid? parentKey, bool media, Reach reach, ArchiveDbContext db, SchemaStore schemas, PrivateRecordFacts facts, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        var ids = nodes.Select(n => n.Id).ToList();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var withChildren = (await db.Nodes.AsNoTracking().Where(n => n.ParentId != null && ids.Contains(n.ParentId.Value) && !n.Trashed)
            .Select(n => n.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        // Ancestors root first, as Umbraco lists them (the path holds ids; the tree speaks keys).
        var pathIds = nodes.SelectMany(n => PathIds(n)).Distinct().ToList();
        var keyOf = await db.Nodes.AsNoTracking().Where(n => pathIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
        // Loans past their end and not returned are flagged for the registrar.
        var loanIds = nodes.Where(n => n.ContentTypeAlias == "loan").Select(n => n.Id).ToList();
        var today = Archive.Engine.Exhibitions.ExhibitionDays.Today(TimeProvider.System);
        var overdue = loanIds.Count == 0 ? [] : (await db.NodeVersions.AsNoTracking().Where(v => v.IsDraft && loanIds.Contains(v.NodeId)).Select(v => new { v.NodeId, v.Data }).ToListAsync(ct))
            .Where(v => Archive.Engine.Exhibitions.LoanTermsOf.Read(Guid.Empty, "", Archive.Engine.Content.ContentData.FromJson(v.Data)).IsOverdue(today)).Select(v => v.NodeId).ToHashSet();
        IReadOnlyList<FlagModel> FlagsOf(NodeEntity n) => [.. facts.IsRecord(n.Key) ? [FlagModel.PrivateRecord] : Array.Empty<FlagModel>(), .. overdue.Contains(n.Id) ? [FlagModel.OverdueLoan] : Array.Empty<FlagModel>()];
        return nodes.Select(n =>
        {
            var type = schema.FindType(n.ContentTypeAlias, media ? ContentTypeKind.Media : ContentTypeKind.Document);
            var parent = parentKey is { } p ? new ReferenceByIdModel(p) : null;
            var created = DateTime.SpecifyKind(n.CreateDate, DateTimeKind.Utc);
            var names = cultures[n.Id].OrderBy(c => c.Culture).ToList();
            return media
                ? (object)new MediaTreeItemResponseModel(withChildren.Contains(n.Id), n.Key, parent, [], !reach.Within(n), n.Trashed, created,
                    new MediaTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "", null),
                    names.Select(c => new VariantItemResponseModel(c.Name, c.Culture.Length == 0 ? null : c.Culture)).ToList())
                : new DocumentTreeItemResponseModel(withChildren.Contains(n.Id), n.Key, parent, FlagsOf(n),
                    !reach.Within(n), n.Trashed, created, IsProtected: false, PathIds(n).Where(keyOf.ContainsKey).Select(id => new ReferenceByIdModel(keyOf[id])).ToList(),
                    new DocumentTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "", null),
                    names.Select(c => new DocumentVariantItemResponseModel(c.Name, c.Culture.Length == 0 ? null : c.Culture,
                        VariantState.Of(c))).ToList());
        }).ToList();
    }
}
