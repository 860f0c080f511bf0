using Archive.Data;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Schema;
using Archive.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Web.Search;

/// Reads nodes from the database in the shape the index needs: published cultures from the
/// published snapshot, drafts (unpublished or edited cultures) from the current draft.
public sealed class IndexSource(ArchiveDbContext db, SchemaStore schemas, PropertyEditors editors)
{
    public async Task<long> PositionAsync(CancellationToken ct) => await db.ChangeLog.MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// Nodes not in the recycle bin after the given id (the cursor of a resumed rebuild).
    public async Task<int> CountAsync(long afterId, CancellationToken ct) => await db.Nodes.CountAsync(n => n.Id > afterId && !n.Trashed, ct);

    /// Every node not in the recycle bin after the given id, in batches of the given size, each with its last id.
    public async IAsyncEnumerable<(List<IndexedNode> Nodes, long LastId)> AllAsync(long afterId, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
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

    /// The given nodes and their descendants, as they are now; keys of those gone or in the bin come back as removed.
    public async Task<(List<IndexedNode> Changed, List<Guid> Removed)> ChangedAsync(IReadOnlyCollection<Guid> changedKeys, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        var roots = await db.Nodes.AsNoTracking().Where(n => changedKeys.Contains(n.Key)).ToListAsync(ct);
        var nodes = new Dictionary<long, NodeEntity>();
        foreach (var root in roots)
        {
            nodes[root.Id] = root;
            var prefix = root.Path + ",";
            foreach (var descendant in await db.Nodes.AsNoTracking().Where(n => n.Path.StartsWith(prefix)).ToListAsync(ct))
                nodes[descendant.Id] = descendant;
        }
        var removed = changedKeys.Where(k => roots.All(r => r.Key != k)).ToList();
        removed.AddRange(nodes.Values.Where(n => n.Trashed).Select(n => n.Key));
        var live = nodes.Values.Where(n => !n.Trashed).ToList();
        return (await BuildAsync(live, schema, ct), removed);
    }

    /// The objects the given exhibitions (if any are exhibitions) show now.
    public async Task<IReadOnlyList<Guid>> ObjectsOfExhibitionsAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        var lookup = await ExhibitionsByObjectAsync(ct);
        return lookup.Where(g => g.Any(keys.Contains)).Select(g => g.Key).ToList();
    }

    /// Key and type of every ancestor of the batch, in one query: a change to one item reads its
    /// ancestors only, never the whole tree.
    private async Task<Dictionary<long, TreeNode>> AncestorsAsync(List<NodeEntity> batch, CancellationToken ct)
    {
        var ids = batch.SelectMany(n => n.Path.Split(',').Select(long.Parse)).Distinct().ToList();
        var published = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId) && c.Published).Select(c => new { c.NodeId, c.Culture }).ToListAsync(ct))
            .ToLookup(c => c.NodeId, c => c.Culture);
        return await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.Key, n.ContentTypeAlias, n.SortOrder }).ToDictionaryAsync(
            n => n.Id, n => new TreeNode(new Ancestor(n.Key, n.ContentTypeAlias), n.SortOrder, published[n.Id].ToHashSet(StringComparer.OrdinalIgnoreCase)), ct);
    }

    /// An ancestor as the index needs it: identity, place among siblings, cultures it is published in.
    private sealed record TreeNode(Ancestor Ancestor, int SortOrder, HashSet<string> PublishedCultures)
    {
        /// Whether a descendant's culture can be reached through this node: published in that
        /// culture or invariant; an invariant descendant needs any published culture.
        public bool Passes(string culture) => PublishedCultures.Contains(culture) || PublishedCultures.Contains("") || (culture.Length == 0 && PublishedCultures.Count > 0);
    }

    private ILookup<Guid, Guid>? _exhibitions;

    /// Which published exhibitions show an object (their "objects" picker), read once per source.
    private async Task<ILookup<Guid, Guid>> ExhibitionsByObjectAsync(CancellationToken ct)
    {
        if (_exhibitions is not null)
            return _exhibitions;
        var rows = await db.NodeVersions.AsNoTracking()
            .Where(v => v.IsPublished && db.Nodes.Any(n => n.Id == v.NodeId && n.ContentTypeAlias == "exhibition" && !n.Trashed))
            .Join(db.Nodes, v => v.NodeId, n => n.Id, (v, n) => new { n.Key, v.Data }).ToListAsync(ct);
        var pairs = new List<(Guid Object, Guid Exhibition)>();
        foreach (var row in rows)
            foreach (var udi in (ContentData.FromJson(row.Data).GetValue("objects") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                if (Udi.TryParse(udi.Trim(), out var parsed))
                    pairs.Add((parsed.Value.Key, row.Key));
        return _exhibitions = pairs.ToLookup(p => p.Object, p => p.Exhibition);
    }

    private async Task<List<IndexedNode>> BuildAsync(List<NodeEntity> batch, SchemaSnapshot schema, CancellationToken ct)
    {
        var ids = batch.Select(n => n.Id).ToList();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var versions = (await db.NodeVersions.AsNoTracking().Where(v => ids.Contains(v.NodeId) && (v.IsDraft || v.IsPublished))
            .Select(v => new { v.NodeId, v.IsDraft, v.IsPublished, v.Data }).ToListAsync(ct)).ToLookup(v => v.NodeId);
        var known = await AncestorsAsync(batch, ct);
        var exhibitions = await ExhibitionsByObjectAsync(ct);
        var result = new List<IndexedNode>(batch.Count);
        foreach (var node in batch)
        {
            var type = schema.FindType(node.ContentTypeAlias, node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
            var draft = versions[node.Id].FirstOrDefault(v => v.IsDraft)?.Data is { } d ? ContentData.FromJson(d) : null;
            var published = versions[node.Id].FirstOrDefault(v => v.IsPublished)?.Data is { } p ? ContentData.FromJson(p) : null;
            var ancestorIds = node.Path.Split(',').Select(long.Parse).Where(id => id != node.Id).ToList();
            var tree = ancestorIds.Select(id => known[id]).ToList();
            var typed = tree.Select(a => a.Ancestor).ToList();
            var ancestors = typed.Select(a => a.Key).ToList();
            var inExhibitions = exhibitions[node.Key].ToList();
            var documents = new List<IndexedCulture>();
            foreach (var state in cultures[node.Id])
            {
                // Published means visible: the culture is published and so is every ancestor (as Umbraco's delivery index has it).
                // A private record is never visible to the public, whatever is published.
                var visible = state.Published && tree.All(a => a.Passes(state.Culture)) && !Archive.Web.Delivery.PrivateRecords.IsPrivate(published);
                var hasDraft = (!visible || state.Edited) && draft is not null;
                if (visible && published is not null)
                    documents.Add(IndexedNodeBuilder.Culture(published, state.Culture, true, type, schema, editors, typed, inExhibitions) with { HasDraft = hasDraft });
                if (hasDraft && draft is not null)
                    documents.Add(IndexedNodeBuilder.Culture(draft, state.Culture, false, type, schema, editors, typed, inExhibitions));
            }
            result.Add(new IndexedNode(node.Key, node.ContentTypeAlias, node.IsMedia, ancestors, node.Level, node.SortOrder, node.CreateDate, node.UpdateDate, documents)
            {
                PathSortOrders = [.. tree.Select(a => a.SortOrder), node.SortOrder],
            });
        }
        return result;
    }
}
