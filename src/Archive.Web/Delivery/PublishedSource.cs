using System.Text;
using System.Text.RegularExpressions;
using Archive.Data;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Delivery.Cache;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Delivery;

/// Reads published items (and, for preview, drafts) from the database in the cache's shape.
public sealed partial class PublishedSource(ArchiveDbContext db, SchemaStore schemas, PrivateRecords privateRecords)
{
    public async Task<long> PositionAsync(CancellationToken ct) => await db.ChangeLog.MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// Every item with a published version, not in the recycle bin, in batches.
    public async IAsyncEnumerable<PublishedNode> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        await privateRecords.RefreshAsync(db, ct);
        long last = 0;
        while (true)
        {
            var batch = await db.Nodes.AsNoTracking().Where(n => n.Id > last && !n.Trashed).OrderBy(n => n.Id).Take(2000).ToListAsync(ct);
            if (batch.Count == 0)
                yield break;
            last = batch[^1].Id;
            foreach (var node in await BuildAsync(batch, schema, draft: false, ct))
                yield return node;
        }
    }

    /// The given items as they are published now; keys of those gone, trashed or wholly unpublished come back as removed.
    public async Task<(List<PublishedNode> Upserts, List<Guid> Removed)> ChangedAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        // A record that turns private (or public again) takes its media with it.
        if (await privateRecords.MayChangeAsync(db, keys, ct))
            keys = keys.Concat(await privateRecords.RefreshAsync(db, ct)).ToHashSet();
        var nodes = await db.Nodes.AsNoTracking().Where(n => keys.Contains(n.Key) && !n.Trashed).ToListAsync(ct);
        var upserts = await BuildAsync(nodes, schema, draft: false, ct);
        return (upserts, keys.Except(upserts.Select(u => u.Key)).ToList());
    }

    /// A draft for preview: its current draft values, with the draft's names and segments in every culture.
    public async Task<(PublishedNode Node, ContentData Data)?> DraftAsync(Guid key, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        var node = await db.Nodes.AsNoTracking().SingleOrDefaultAsync(n => n.Key == key && !n.Trashed, ct);
        if (node is null)
            return null;
        var built = await BuildAsync([node], schema, draft: true, ct);
        return built.Count == 0 ? null : (built[0], ContentData.FromJson(Encoding.UTF8.GetString(built[0].Data)));
    }

    private async Task<List<PublishedNode>> BuildAsync(List<NodeEntity> batch, SchemaSnapshot schema, bool draft, CancellationToken ct)
    {
        var ids = batch.Select(n => n.Id).ToList();
        // Media is not published in Umbraco: every culture of a media item is available.
        var media = batch.Where(n => n.IsMedia).Select(n => n.Id).ToList();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId) && (draft || c.Published || media.Contains(c.NodeId))).ToListAsync(ct)).ToLookup(c => c.NodeId);
        // Media serve their current version: there is nothing to publish.
        var versions = (await db.NodeVersions.AsNoTracking().Where(v => ids.Contains(v.NodeId) && ((draft || media.Contains(v.NodeId)) ? v.IsDraft : v.IsPublished))
            .Select(v => new { v.NodeId, v.Data }).ToListAsync(ct)).ToDictionary(v => v.NodeId, v => v.Data);
        var ancestorIds = batch.SelectMany(n => n.Path.Split(',').Select(long.Parse)).Distinct().ToList();
        var keys = await db.Nodes.AsNoTracking().Where(n => ancestorIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
        var result = new List<PublishedNode>(batch.Count);
        foreach (var node in batch)
        {
            if (!versions.TryGetValue(node.Id, out var data) || !cultures[node.Id].Any())
                continue;
            if (privateRecords.IsRecord(node.Key) || privateRecords.IsWithheldMedia(node.Key))
                continue;
            var type = schema.FindType(node.ContentTypeAlias, node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
            var path = node.Path.Split(',').Select(long.Parse).Where(id => id != node.Id).Select(id => keys[id]).ToList();
            result.Add(new PublishedNode
            {
                Key = node.Key,
                IsMedia = node.IsMedia,
                ContentTypeAlias = node.ContentTypeAlias,
                ParentKey = path.Count > 0 ? path[^1] : Guid.Empty,
                AncestorKeys = path,
                Level = node.Level,
                SortOrder = node.SortOrder,
                CreateDate = node.CreateDate,
                UpdateDate = node.UpdateDate,
                IsVariant = type?.VariesByCulture ?? false,
                Cultures = cultures[node.Id].ToDictionary(c => c.Culture,
                    c => draft ? new PublishedCulture(c.Name, c.UrlSegment) : new PublishedCulture(c.PublishedName ?? c.Name, c.PublishedUrlSegment ?? c.UrlSegment), StringComparer.OrdinalIgnoreCase),
                Data = Encoding.UTF8.GetBytes(data),
                References = References(data),
            });
        }
        return result;
    }

    // Udis (pickers, links, blocks), media picks and v14 local links: whatever an item's response embeds.
    [GeneratedRegex(@"umb://(?:document|media)/([0-9a-fA-F]{32})|mediaKey\\?""\s*:\s*\\?""([0-9a-fA-F-]{36})|localLink:([0-9a-fA-F-]{36})")]
    private static partial Regex Reference();

    private static Guid[] References(string data) => Reference().Matches(data)
        .Select(m => Guid.TryParse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value, out var key) ? key : Guid.Empty)
        .Where(k => k != Guid.Empty).Distinct().ToArray();
}
