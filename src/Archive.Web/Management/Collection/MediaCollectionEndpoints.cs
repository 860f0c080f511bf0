using System.Security.Claims;
using Archive.Data;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Archive.Identity;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Management.Collection;

/// The media section's grid and table (Umbraco's GET collection/media): the items of a folder (or of the root),
/// filtered by name in any culture, ordered and paged, with their values for the columns and thumbnails.
public static class MediaCollectionEndpoints
{
    public sealed record MediaTypeCollectionReferenceResponseModel(Guid Id, string Alias, string Icon, ReferenceByIdModel? Collection);

    public sealed record MediaCollectionResponseModel(IReadOnlyList<DocumentValueResponseModel> Values, IReadOnlyList<MediaVariantResponseModel> Variants, Guid Id,
        IReadOnlyList<FlagModel> Flags, string? Creator, int SortOrder, MediaTypeCollectionReferenceResponseModel MediaType);

    private static readonly string[] Orders = ["updateDate", "createDate", "name", "sortOrder", "creator"];

    public static void MapMediaCollection(this RouteGroupBuilder api) =>
        api.MapGet("collection/media", ListAsync).WithName("GetCollectionMedia").WithTags("Media");

    private static async Task<IResult> ListAsync(ClaimsPrincipal principal, ArchiveDbContext db, SchemaStore schemas, CancellationToken ct,
        string? id = null, string? orderBy = null, string? orderDirection = null, string? filter = null, int skip = 0, int take = 100)
    {
        if (Paging.Check(skip, take) is { } refused)
            return refused;
        var order = orderBy is null or "" ? "updateDate" : Orders.FirstOrDefault(o => o.Equals(orderBy, StringComparison.OrdinalIgnoreCase));
        if (order is null)
            return ManagementRequests.Invalid("orderBy", $"orderBy is one of {string.Join(", ", Orders)}.");
        if (orderDirection is not (null or "" or "Ascending" or "Descending"))
            return ManagementRequests.Invalid("orderDirection", "orderDirection is Ascending or Descending.");
        long? parentId = null;
        if (!string.IsNullOrEmpty(id))
        {
            if (!Guid.TryParse(id, out var key) || await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.IsMedia && !n.Trashed, ct) is not { } parent)
                return ManagementRequests.Problem(404, "Not found", $"No media folder with id {id}.");
            parentId = parent.Id;
        }
        // A folder's children are few enough to order by name in memory, in the caller's alphabet, as the tree does.
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.IsMedia && !n.Trashed && n.ParentId == parentId).ToListAsync(ct);
        var ids = nodes.Select(n => n.Id).ToList();
        var names = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        string NameOf(long node) => names[node].OrderBy(c => c.Culture, StringComparer.Ordinal).Select(c => c.Name).FirstOrDefault() ?? "";
        var words = filter?.Trim();
        var matching = nodes.Where(n => string.IsNullOrEmpty(words) || names[n.Id].Any(c => c.Name.Contains(words, StringComparison.CurrentCultureIgnoreCase))).ToList();
        IEnumerable<Data.Entities.NodeEntity> ordered = order switch
        {
            "createDate" => matching.OrderBy(n => n.CreateDate),
            "name" => matching.OrderBy(n => NameOf(n.Id), StringComparer.CurrentCultureIgnoreCase),
            "sortOrder" => matching.OrderBy(n => n.SortOrder),
            "creator" => matching.OrderBy(n => Caller.NameIn(n.CreatedBy), StringComparer.CurrentCultureIgnoreCase),
            _ => matching.OrderBy(n => n.UpdateDate),
        };
        // Newest first unless asked otherwise, as the media section opens.
        if (orderDirection == "Descending" || (string.IsNullOrEmpty(orderDirection) && order == "updateDate"))
            ordered = ordered.Reverse();
        var page = ordered.Skip(skip).Take(take).ToList();
        var pageIds = page.Select(n => n.Id).ToList();
        var drafts = await db.NodeVersions.AsNoTracking().Where(v => v.IsDraft && pageIds.Contains(v.NodeId)).ToDictionaryAsync(v => v.NodeId, v => v.Data, ct);
        var schema = await schemas.GetAsync(db, ct);
        var seesPrivate = Roles.SeesPrivateFields(Caller.From(principal).Role);
        var items = page.Select(n =>
        {
            var type = schema.FindType(n.ContentTypeAlias, ContentTypeKind.Media);
            var draft = drafts.TryGetValue(n.Id, out var data) ? ContentData.FromJson(data) : new ContentData();
            var created = DateTime.SpecifyKind(n.CreateDate, DateTimeKind.Utc);
            var updated = DateTime.SpecifyKind(n.UpdateDate, DateTimeKind.Utc);
            var variants = names[n.Id].OrderBy(c => c.Culture, StringComparer.Ordinal)
                .Select(c => new MediaVariantResponseModel(c.Culture.Length == 0 ? null : c.Culture, null, c.Name, created, updated)).ToList();
            return new MediaCollectionResponseModel(MediaManagementEndpoints.ValuesOf(draft, type, schema, seesPrivate), variants, n.Key, [], Caller.NameIn(n.CreatedBy), n.SortOrder,
                new MediaTypeCollectionReferenceResponseModel(type?.Key ?? Guid.Empty, type?.Alias ?? n.ContentTypeAlias, type?.Icon ?? "icon-picture",
                    type?.ListView is { } listView ? new ReferenceByIdModel(listView) : null));
        }).ToList();
        return Results.Ok(new PagedResponse<MediaCollectionResponseModel>(matching.Count, items));
    }
}
