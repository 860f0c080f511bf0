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

    public async Task<int> CountAsync(CancellationToken ct) => await db.Nodes.CountAsync(n => !n.Trashed, ct);

    /// Every node not in the recycle bin, in batches.
    public async IAsyncEnumerable<IndexedNode> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        var keys = await db.Nodes.AsNoTracking().Select(n => new { n.Id, n.Key }).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
        long last = 0;
        while (true)
        {
            var batch = await db.Nodes.AsNoTracking().Where(n => n.Id > last && !n.Trashed).OrderBy(n => n.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
                yield break;
            foreach (var node in await BuildAsync(batch, keys, schema, ct))
                yield return node;
            last = batch[^1].Id;
        }
    }

    /// The given nodes and their descendants, as they are now; keys of those gone or in the bin come back as removed.
    public async Task<(List<IndexedNode> Changed, List<Guid> Removed)> ChangedAsync(IReadOnlyCollection<Guid> changedKeys, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(db, ct);
        var keys = await db.Nodes.AsNoTracking().Select(n => new { n.Id, n.Key }).ToDictionaryAsync(n => n.Id, n => n.Key, ct);
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
        return (await BuildAsync(live, keys, schema, ct), removed);
    }

    private async Task<List<IndexedNode>> BuildAsync(List<NodeEntity> batch, Dictionary<long, Guid> keys, SchemaSnapshot schema, CancellationToken ct)
    {
        var ids = batch.Select(n => n.Id).ToList();
        var cultures = (await db.NodeCultures.AsNoTracking().Where(c => ids.Contains(c.NodeId)).ToListAsync(ct)).ToLookup(c => c.NodeId);
        var versions = (await db.NodeVersions.AsNoTracking().Where(v => ids.Contains(v.NodeId) && (v.IsDraft || v.IsPublished))
            .Select(v => new { v.NodeId, v.IsDraft, v.IsPublished, v.Data }).ToListAsync(ct)).ToLookup(v => v.NodeId);
        var result = new List<IndexedNode>(batch.Count);
        foreach (var node in batch)
        {
            var type = schema.FindType(node.ContentTypeAlias, node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
            var draft = versions[node.Id].FirstOrDefault(v => v.IsDraft)?.Data is { } d ? ContentData.FromJson(d) : null;
            var published = versions[node.Id].FirstOrDefault(v => v.IsPublished)?.Data is { } p ? ContentData.FromJson(p) : null;
            var documents = new List<IndexedCulture>();
            foreach (var state in cultures[node.Id])
            {
                if (state.Published && published is not null)
                    documents.Add(IndexedNodeBuilder.Culture(published, state.Culture, true, type, schema, editors));
                if ((!state.Published || state.Edited) && draft is not null)
                    documents.Add(IndexedNodeBuilder.Culture(draft, state.Culture, false, type, schema, editors));
            }
            var ancestors = node.Path.Split(',').Select(long.Parse).Where(id => id != node.Id).Select(id => keys[id]).ToList();
            result.Add(new IndexedNode(node.Key, node.ContentTypeAlias, node.IsMedia, ancestors, node.Level, node.SortOrder, node.CreateDate, node.UpdateDate, documents));
        }
        return result;
    }
}
