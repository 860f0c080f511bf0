using Archive.Data;
using Archive.Data.Publishing;
using Archive.Data.Schema;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Item;

/// Umbraco's item operations: many items by id at once, as pickers, breadcrumbs and references show them
/// (names per culture, type and icon, state, flags). Names are not private: a picker shows what it picked
/// even when the picked item lies outside the caller's grants; its values stay behind /document/{id}.
public static class ItemEndpoints
{
    public sealed record DocumentItemResponseModel(Guid Id, IReadOnlyList<FlagModel> Flags, bool IsTrashed, bool IsProtected, ReferenceByIdModel? Parent, bool HasChildren,
        DocumentTypeReferenceResponseModel DocumentType, IReadOnlyList<DocumentVariantItemResponseModel> Variants);

    public sealed record MediaItemResponseModel(Guid Id, IReadOnlyList<FlagModel> Flags, bool IsTrashed, ReferenceByIdModel? Parent, bool HasChildren,
        MediaTypeReferenceResponseModel MediaType, IReadOnlyList<VariantItemResponseModel> Variants);

    public sealed record DataTypeItemResponseModel(Guid Id, IReadOnlyList<FlagModel> Flags, string Name, string? EditorUiAlias, string EditorAlias, bool IsDeletable);

    public sealed record UserItemResponseModel(Guid Id, IReadOnlyList<FlagModel> Flags, string Name, IReadOnlyList<string> AvatarUrls, string Kind);

    public sealed record ContentTypeItemResponseModel(Guid Id, IReadOnlyList<FlagModel> Flags, string Name, bool IsElement, string? Icon, string? Description);

    /// At most this many ids per request (a picker's value, a page of references).
    private const int MaxIds = 1000;

    public static void MapItems(this RouteGroupBuilder api)
    {
        api.MapGet("item/document", (Guid[]? id, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct) => NodesAsync(id, media: false, db, s, f, ct))
            .WithName("GetItemDocument").WithTags("Document");
        api.MapGet("item/media", (Guid[]? id, ArchiveDbContext db, SchemaStore s, PrivateRecordFacts f, CancellationToken ct) => NodesAsync(id, media: true, db, s, f, ct))
            .WithName("GetItemMedia").WithTags("Media");
        api.MapGet("item/data-type", async (Guid[]? id, ArchiveDbContext db, SchemaStore s, CancellationToken ct) =>
        {
            var schema = await s.GetAsync(db, ct);
            return Limited(id) ?? Results.Ok((id ?? []).Select(schema.FindDataType).OfType<DataType>()
                .Select(d => new DataTypeItemResponseModel(d.Key, [], d.Name, d.EditorUiAlias, d.EditorAlias, true)).ToList());
        }).WithName("GetItemDataType").WithTags("Data Type");
        // Who created or changed an item (the workspace's info): names only, as Umbraco shows them to any back-office user.
        api.MapGet("item/user", async (Guid[]? id, Archive.Identity.IdentityDb identity, CancellationToken ct) =>
        {
            if (Limited(id) is { } refused)
                return refused;
            var keys = (id ?? []).Distinct().ToList();
            var users = await identity.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).ToListAsync(ct);
            return Results.Ok(users.Select(u => new UserItemResponseModel(u.Id, [], u.Name, [], u.Kind == Archive.Identity.UserKind.Api ? "Api" : "Default")).ToList());
        }).WithName("GetItemUser").WithTags("User");
        foreach (var (kind, noun, tag) in new[] { (ContentTypeKind.Document, "document-type", "Document Type"), (ContentTypeKind.Media, "media-type", "Media Type") })
            api.MapGet($"item/{noun}", async (Guid[]? id, ArchiveDbContext db, SchemaStore s, CancellationToken ct) =>
            {
                var schema = await s.GetAsync(db, ct);
                return Limited(id) ?? Results.Ok((id ?? []).Select(schema.FindType).OfType<ContentType>().Where(t => t.Kind == kind)
                    .Select(t => new ContentTypeItemResponseModel(t.Key, [], t.Name, t.IsElement, t.Icon, t.Description)).ToList());
            }).WithName(kind == ContentTypeKind.Document ? "GetItemDocumentType" : "GetItemMediaType").WithTags(tag);
    }

    private static IResult? Limited(Guid[]? ids) =>
        ids is { Length: > MaxIds } ? ManagementRequests.Invalid("id", $"At most {MaxIds} ids at once.") : null;

    private static async Task<IResult> NodesAsync(Guid[]? id, bool media, ArchiveDbContext db, SchemaStore schemas, PrivateRecordFacts facts, CancellationToken ct)
    {
        if (Limited(id) is { } refused)
            return refused;
        var keys = (id ?? []).Distinct().ToList();
        var nodes = await db.Nodes.AsNoTracking().Where(n => keys.Contains(n.Key) && n.IsMedia == media).ToListAsync(ct);
        var ids = nodes.Select(n => n.Id).ToList();
        var parentIds = nodes.Where(n => n.ParentId is not null).Select(n => n.ParentId!.Value).Distinct().ToList();
        var parents = await db.Nodes.AsNoTracking().Where(n => parentIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
        var withChildren = (await db.Nodes.AsNoTracking().Where(n => n.ParentId != null && ids.Contains(n.ParentId.Value) && !n.Trashed).Select(n => n.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var schema = await schemas.GetAsync(db, ct);
        // In the order asked for, as Umbraco answers.
        var byKey = nodes.ToDictionary(n => n.Key);
        var items = keys.Where(byKey.ContainsKey).Select(k => byKey[k]).Select(n =>
        {
            var type = schema.FindType(n.ContentTypeAlias, media ? ContentTypeKind.Media : ContentTypeKind.Document);
            var parent = n.ParentId is { } p && parents.TryGetValue(p, out var pk) ? new ReferenceByIdModel(pk) : null;
            var names = cultures[n.Id].OrderBy(c => c.Culture).ToList();
            IReadOnlyList<FlagModel> flags = !media && facts.IsRecord(n.Key) ? [FlagModel.PrivateRecord] : [];
            return media
                ? (object)new MediaItemResponseModel(n.Key, flags, n.Trashed, parent, withChildren.Contains(n.Id), new MediaTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "", null),
                    names.Select(c => new VariantItemResponseModel(c.Name, c.Culture.Length == 0 ? null : c.Culture)).ToList())
                : new DocumentItemResponseModel(n.Key, flags, n.Trashed, false, parent, withChildren.Contains(n.Id), new DocumentTypeReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Icon ?? "", null),
                    names.Select(c => new DocumentVariantItemResponseModel(c.Name, c.Culture.Length == 0 ? null : c.Culture,
                        VariantState.Of(c, n.Trashed))).ToList());
        }).ToList();
        return Results.Ok(items);
    }
}
