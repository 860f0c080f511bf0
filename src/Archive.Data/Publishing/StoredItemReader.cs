using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Publishing;

/// The one reader of stored items for every projection: nodes with their cultures, draft and published
/// versions and ancestors, in batches, each item projected once by the engine's public projection.
public sealed class StoredItemReader(ArchiveDbContext db, SchemaStore schemas, PrivateRecordFacts privateRecords, TimeProvider clock) : IStoredItemSource
{
    public async Task<long> PositionAsync(CancellationToken ct) => await db.ChangeLog.MaxAsync(c => (long?)c.Id, ct) ?? 0;

    public async Task<ChangeMark?> ChangeAtAsync(long position, CancellationToken ct) =>
        await db.ChangeLog.AsNoTracking().Where(c => c.Id == position).Select(c => new ChangeMark(c.Id, c.Key, c.Timestamp)).FirstOrDefaultAsync(ct);

    public Task<bool> SchemaChangedAfterAsync(long position, CancellationToken ct) =>
        db.ChangeLog.AnyAsync(c => c.Id > position && c.EntityType == ChangeTypes.Schema, ct);

    public Task<SchemaSnapshot> SchemaAsync(CancellationToken ct) => schemas.GetAsync(db, ct);

    public async Task<int> CountAsync(long afterId, CancellationToken ct) => await db.Nodes.CountAsync(n => n.Id > afterId && !n.Trashed, ct);

    public async IAsyncEnumerable<(IReadOnlyList<ProjectedItem> Items, long LastId)> AllAsync(long afterId, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var schema = await SchemaAsync(ct);
        await privateRecords.RefreshAsync(db, ct);
        var last = afterId;
        while (true)
        {
            var batch = await db.Nodes.AsNoTracking().Where(n => n.Id > last && !n.Trashed).OrderBy(n => n.Id).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0)
                yield break;
            last = batch[^1].Id;
            yield return (await BuildAsync(batch, schema, ct), last);
        }
    }

    public async Task<ProjectedChanges> ChangedAsync(long position, IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        var schema = await SchemaAsync(ct);
        // A record that turns private (or public again) takes its media with it.
        var wanted = keys.Concat(await privateRecords.FollowAsync(db, keys, ct)).ToHashSet();
        // The objects a changed exhibition shows now are shown by it (the ones it showed, projections know).
        var exhibitions = await ExhibitionsByObjectAsync(ct);
        wanted.UnionWith(exhibitions.Where(shownIn => shownIn.Any(wanted.Contains)).Select(shownIn => shownIn.Key));
        var roots = await db.Nodes.AsNoTracking().Where(n => wanted.Contains(n.Key)).ToListAsync(ct);
        var nodes = roots.ToDictionary(n => n.Id);
        // Whatever lies beneath a changed item is projected again: its visibility and privacy pass through it.
        var rootIds = roots.Select(r => (long?)r.Id).ToList();
        var parents = await db.Nodes.AsNoTracking().Where(n => rootIds.Contains(n.ParentId)).Select(n => n.ParentId!.Value).Distinct().ToListAsync(ct);
        foreach (var root in roots.Where(r => parents.Contains(r.Id)))
        {
            var prefix = root.Path + ",";
            foreach (var descendant in await db.Nodes.AsNoTracking().Where(n => n.Path.StartsWith(prefix)).ToListAsync(ct))
                nodes[descendant.Id] = descendant;
        }
        var removed = wanted.Where(k => roots.All(r => r.Key != k)).ToList();
        removed.AddRange(nodes.Values.Where(n => n.Trashed).Select(n => n.Key));
        var items = await BuildAsync(nodes.Values.Where(n => !n.Trashed).ToList(), schema, ct);
        return new ProjectedChanges(position, items, removed, schema, exhibitions);
    }

    public async Task<ILookup<Guid, Guid>> ExhibitionsByObjectAsync(CancellationToken ct)
    {
        var schema = await SchemaAsync(ct);
        var exhibitions = await db.Nodes.AsNoTracking()
            .Where(n => (n.ContentTypeAlias == ArchiveAliases.Exhibition || n.ContentTypeAlias == ArchiveAliases.ExhibitionStop) && !n.Trashed && !n.IsMedia).ToListAsync(ct);
        var pairs = new List<(Guid Object, Guid Exhibition)>();
        foreach (var item in await BuildAsync(exhibitions, schema, ct))
            foreach (var udi in (item.Public?.Data.GetValue(ArchiveAliases.ExhibitionObjects) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                if (Udi.TryParse(udi.Trim(), out var parsed))
                {
                    // An object on a stop's checklist is in the stop and in its exhibition: exhibition: takes either.
                    pairs.Add((parsed.Value.Key, item.Stored.Key));
                    if (item.Stored.ContentTypeAlias == ArchiveAliases.ExhibitionStop && item.Stored.Ancestors.Count > 0)
                        pairs.Add((parsed.Value.Key, item.Stored.Ancestors[^1].Key));
                }
        return pairs.Distinct().ToLookup(p => p.Object, p => p.Exhibition);
    }

    public async Task<ProjectedItem?> FindAsync(Guid key, CancellationToken ct)
    {
        var node = await db.Nodes.AsNoTracking().SingleOrDefaultAsync(n => n.Key == key && !n.Trashed, ct);
        if (node is null)
            return null;
        await privateRecords.FollowAsync(db, [key], ct);
        var built = await BuildAsync([node], await SchemaAsync(ct), ct);
        return built.Count == 0 ? null : built[0];
    }

    private async Task<List<ProjectedItem>> BuildAsync(List<NodeEntity> batch, SchemaSnapshot schema, CancellationToken ct)
    {
        if (batch.Count == 0)
            return [];
        var ids = batch.Select(n => n.Id).ToList();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var versions = (await db.NodeVersions.AsNoTracking().Where(v => ids.Contains(v.NodeId) && (v.IsDraft || v.IsPublished))
            .Select(v => new { v.NodeId, v.IsDraft, v.IsPublished, v.Data, v.CreatedAt }).ToListAsync(ct)).ToLookup(v => v.NodeId);
        var ancestors = await AncestorsAsync(batch, ct);
        var whereabouts = await WhereaboutsAsync(batch, ct);
        var result = new List<ProjectedItem>(batch.Count);
        foreach (var node in batch)
        {
            var draftJson = versions[node.Id].FirstOrDefault(v => v.IsDraft)?.Data;
            var publishedVersion = versions[node.Id].FirstOrDefault(v => v.IsPublished);
            var publishedJson = publishedVersion?.Data;
            var draft = draftJson is null ? null : ContentData.FromJson(draftJson);
            // One version both draft and published is read once.
            var published = publishedJson is null ? null : publishedJson == draftJson ? draft : ContentData.FromJson(publishedJson);
            var stored = new StoredItem
            {
                Key = node.Key,
                IsMedia = node.IsMedia,
                ContentTypeAlias = node.ContentTypeAlias,
                Level = node.Level,
                SortOrder = node.SortOrder,
                CreateDate = node.CreateDate,
                UpdateDate = node.UpdateDate,
                PublishedAt = publishedVersion?.CreatedAt,
                Ancestors = node.Path.Split(',').Select(long.Parse).Where(id => id != node.Id).Select(id => ancestors[id]).ToList(),
                Cultures = cultures[node.Id].Select(c => new StoredCulture(c.Culture, c.Name, c.UrlSegment, c.Published, c.PublishedName, c.PublishedUrlSegment, c.Edited)).ToList(),
                Draft = draft,
                Published = published,
                UsedByPrivateRecord = node.IsMedia && privateRecords.IsUsedByRecord(node.Key),
                Whereabouts = whereabouts.GetValueOrDefault(node.Key),
            };
            result.Add(new ProjectedItem(stored, PublicProjection.Project(stored, schema)));
        }
        return result;
    }

    /// The batch's artefacts' whereabouts now, from the ledger: the place each is at and the places above it, nearest
    /// first, leaving out every private location and all beneath one. Two queries for a whole batch.
    private async Task<Dictionary<Guid, StoredWhereabouts>> WhereaboutsAsync(List<NodeEntity> batch, CancellationToken ct)
    {
        var objects = batch.Where(n => n.ContentTypeAlias == ArchiveAliases.Artefact).Select(n => n.Key).ToList();
        if (objects.Count == 0)
            return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await Movements.LedgerReader.LatestAsync(db.Movements.Where(m => objects.Contains(m.Subject)), now, ct);
        if (latest.Count == 0)
            return [];
        var places = latest.Values.Select(m => m.To).Concat(latest.Values.Select(m => m.From).OfType<Guid>()).Distinct().ToList();
        var paths = await db.Nodes.AsNoTracking().Where(n => places.Contains(n.Key)).ToDictionaryAsync(n => n.Key, n => n.Path, ct);
        var ids = paths.Values.SelectMany(p => p.Split(',').Select(long.Parse)).Distinct().ToList();
        var keys = await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
        List<Guid> PublicChain(Guid place)
        {
            if (!paths.TryGetValue(place, out var path))
                return [];
            // Root first: once a private location is met, it and everything beneath it stay out.
            var chain = path.Split(',').Select(id => keys[long.Parse(id)]).TakeWhile(k => !privateRecords.IsRecord(k)).ToList();
            chain.Reverse();
            return chain;
        }
        return latest.ToDictionary(p => p.Key, p =>
        {
            var where = Engine.Movements.Ledger.Of(p.Value, now);
            return where.InTransit
                ? new StoredWhereabouts(where.From is { } from ? PublicChain(from) : [], true)
                : new StoredWhereabouts(PublicChain(p.Value.To), false);
        });
    }

    /// Every ancestor of the batch, in two queries: a change to one item reads its ancestors only, never the whole tree.
    private async Task<Dictionary<long, StoredAncestor>> AncestorsAsync(List<NodeEntity> batch, CancellationToken ct)
    {
        var ids = batch.SelectMany(n => n.Path.Split(',').Select(long.Parse)).Distinct().ToList();
        var published = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId) && c.Published).Select(c => new { c.NodeId, c.Culture }).ToListAsync(ct))
            .ToLookup(c => c.NodeId, c => c.Culture);
        return await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.Key, n.ContentTypeAlias, n.SortOrder }).ToDictionaryAsync(
            n => n.Id, n => new StoredAncestor(n.Key, n.ContentTypeAlias, n.SortOrder, published[n.Id].ToHashSet(StringComparer.OrdinalIgnoreCase), privateRecords.IsRecord(n.Key)), ct);
    }
}
