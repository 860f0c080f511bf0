using Archive.Data.Entities;
using Archive.Engine.Content;
using Archive.Engine.Schema;
using Archive.Engine.Segments;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

public sealed partial class ContentService
{
    public async Task<OperationResult> MoveAsync(Guid key, Guid? newParentKey, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, ct);
        if (node is null)
            return OperationResult.NotFound(key);
        NodeEntity? parent = null;
        if (newParentKey is { } pk)
        {
            parent = await db.Nodes.FirstOrDefaultAsync(n => n.Key == pk && n.IsMedia == node.IsMedia, ct);
            if (parent is null)
                return OperationResult.Fail(OperationStatus.ValidationFailed, "$.target", $"No item with key {pk}.");
            if (parent.Id == node.Id || parent.Path.Split(',').Contains(node.Id.ToString()))
                return OperationResult.Fail(OperationStatus.NotAllowed, "$.target", "An item cannot be moved under itself or one of its descendants.");
            if (parent.Trashed)
                return OperationResult.Fail(OperationStatus.NotAllowed, "$.target", "The target is in the recycle bin.");
        }
        var schema = await schemas.GetAsync(db, ct);
        var kind = node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document;
        if (ContentRules.CanPlace(schema.FindType(node.ContentTypeAlias, kind)!, parent is null ? null : schema.FindType(parent.ContentTypeAlias, kind), schema) is { } placement)
            return OperationResult.Fail(OperationStatus.NotAllowed, [placement with { Path = "$.target" }]);

        if (await RelocateAsync(node, parent, ct) is { Count: > 0 } taken)
            return Refused(taken);
        Touch(node, actor);
        Log(node, ChangeTypes.Moved, null);
        Audit(actor, "Move", node, null, parent is null ? "to the root" : $"under {parent.Key}");
        return await CommitAsync(node, ct);
    }

    public async Task<OperationResult> TrashAsync(Guid key, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, ct);
        if (node is null)
            return OperationResult.NotFound(key);
        if (node.Trashed)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "The item is in the recycle bin already.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in await SubtreeAsync(node, ct))
        {
            item.Trashed = true;
            item.TrashedAt = now;
        }
        Touch(node, actor);
        Log(node, ChangeTypes.Trashed, null);
        Audit(actor, "Trash", node, null, null);
        return await CommitAsync(node, ct);
    }

    /// Restores an item from the recycle bin to its parent, or to the root when its parent is gone or trashed.
    public async Task<OperationResult> RestoreAsync(Guid key, Guid? targetKey, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, ct);
        if (node is null)
            return OperationResult.NotFound(key);
        if (!node.Trashed)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "The item is not in the recycle bin.");
        var parent = targetKey is { } t
            ? await db.Nodes.FirstOrDefaultAsync(n => n.Key == t, ct)
            : node.ParentId is { } p ? await db.Nodes.FirstOrDefaultAsync(n => n.Id == p, ct) : null;
        if (parent is { Trashed: true })
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.target", "The original parent is in the recycle bin too; restore it first or choose another target.");
        var schema = await schemas.GetAsync(db, ct);
        var kind = node.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document;
        if (ContentRules.CanPlace(schema.FindType(node.ContentTypeAlias, kind)!, parent is null ? null : schema.FindType(parent.ContentTypeAlias, kind), schema) is { } placement)
            return OperationResult.Fail(OperationStatus.NotAllowed, [placement with { Path = "$.target" }]);
        foreach (var item in await SubtreeAsync(node, ct))
        {
            item.Trashed = false;
            item.TrashedAt = null;
        }
        // Relocating also re-checks the segments: a sibling may have taken one while the item was in the bin.
        if (await RelocateAsync(node, parent, ct) is { Count: > 0 } taken)
            return Refused(taken);
        Touch(node, actor);
        Log(node, ChangeTypes.Restored, null);
        Audit(actor, "Restore", node, null, null);
        return await CommitAsync(node, ct);
    }

    /// Deletes an item and its descendants for good; only from the recycle bin.
    public async Task<OperationResult> DeleteAsync(Guid key, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, ct);
        if (node is null)
            return OperationResult.NotFound(key);
        if (!node.Trashed)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "Move the item to the recycle bin before deleting it.");
        var subtree = await SubtreeAsync(node, ct);
        Log(node, ChangeTypes.Deleted, null);
        Audit(actor, "Delete", node, null, $"{subtree.Count} item(s)");
        // Children first, so the parent reference never dangles.
        foreach (var item in subtree.OrderByDescending(n => n.Level))
            db.Nodes.Remove(item);
        return await CommitAsync(node, ct);
    }

    public async Task<OperationResult> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, bool isMedia, string actor, CancellationToken ct = default)
    {
        long? parentId = null;
        if (parentKey is { } pk)
        {
            parentId = await db.Nodes.Where(n => n.Key == pk).Select(n => (long?)n.Id).FirstOrDefaultAsync(ct);
            if (parentId is null)
                return OperationResult.NotFound(pk);
        }
        var children = await db.Nodes.Where(n => n.ParentId == parentId && n.IsMedia == isMedia && !n.Trashed).ToListAsync(ct);
        var unknown = orderedKeys.Where(k => children.All(c => c.Key != k)).ToList();
        if (unknown.Count > 0)
            return OperationResult.Fail(OperationStatus.ValidationFailed, "$.sorting", $"Not children of this parent: {string.Join(", ", unknown)}.");
        var order = 0;
        foreach (var k in orderedKeys)
            children.First(c => c.Key == k).SortOrder = order++;
        foreach (var rest in children.Where(c => !orderedKeys.Contains(c.Key)).OrderBy(c => c.SortOrder))
            rest.SortOrder = order++;
        foreach (var child in children)
        {
            Touch(child, actor);
            Log(child, ChangeTypes.Sorted, null);
        }
        db.Audit.Add(new AuditEntity { Timestamp = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = "Sort", EntityType = isMedia ? ChangeTypes.Media : ChangeTypes.Document, EntityKey = parentKey });
        await db.SaveChangesAsync(ct);
        return new OperationResult(OperationStatus.Success, [], parentKey);
    }

    private async Task<List<NodeEntity>> SubtreeAsync(NodeEntity node, CancellationToken ct)
    {
        var prefix = node.Path + ",";
        var descendants = await db.Nodes.Where(n => n.Path.StartsWith(prefix)).ToListAsync(ct);
        descendants.Add(node);
        return descendants;
    }

    /// Puts a node (with its subtree) under a new parent: path, level, sort order, segments and the institution its
    /// accession numbers are claimed in. Returns the numbers the new institution already uses (then nothing may be saved).
    private async Task<List<ContentProblem>> RelocateAsync(NodeEntity node, NodeEntity? parent, CancellationToken ct)
    {
        var descendants = await SubtreeMove.MoveAsync(db, node, parent?.Id, parent?.Path, parent?.Level ?? 0, ct);
        node.SortOrder = (await db.Nodes.Where(n => n.ParentId == node.ParentId && n.IsMedia == node.IsMedia && n.Id != node.Id).MaxAsync(n => (int?)n.SortOrder, ct) ?? -1) + 1;

        // Segments stay unique among the new siblings.
        foreach (var state in await db.NodeCultures.Where(c => c.NodeId == node.Id).ToListAsync(ct))
        {
            var wanted = UrlSegment.From(state.Name) is { Length: > 0 } s ? s : state.UrlSegment;
            var segment = UrlSegment.Unique(wanted, await SiblingSegmentQuery.ClashesAsync(db, node.ParentId, node.IsMedia, node.Id, state.Culture, wanted, ct));
            if (segment != state.UrlSegment)
            {
                state.UrlSegment = segment;
                if (state.Published)
                    state.PublishedUrlSegment = segment;
            }
        }
        return await CarryClaimsAsync(node, descendants, ct);
    }

    /// Accession numbers go with a subtree to its new institution; one the institution already uses stops the move.
    private async Task<List<ContentProblem>> CarryClaimsAsync(NodeEntity node, List<NodeEntity> descendants, CancellationToken ct)
    {
        var scope = await InstitutionClaims.ScopeOfAsync(db, node, ct);
        var claims = await InstitutionClaims.ElsewhereAsync(db, descendants.Select(d => d.Id).Append(node.Id), options.UniqueWithinRoot, scope, ct);
        if (claims.Count == 0)
            return [];
        var taken = await InstitutionClaims.TakenAsync(db, claims, scope, ct);
        var problems = new List<ContentProblem>();
        foreach (var (claim, holder) in taken.Take(MaxNamed))
        {
            var draft = await db.NodeVersions.AsNoTracking().Where(v => v.NodeId == claim.NodeId && v.IsDraft).Select(v => v.Data).FirstAsync(ct);
            var value = ContentData.FromJson(draft).GetValue(claim.Alias)?.Trim() ?? claim.Value;
            problems.Add(new ContentProblem("$.target", null,
                $"{await DescribeAsync(claim.NodeId, ct)} has {claim.Alias} '{value}', which {await DescribeAsync(holder, ct)} already uses in the target institution."));
        }
        if (taken.Count > MaxNamed)
            problems.Add(new ContentProblem("$.target", null, $"… and {taken.Count - MaxNamed} more value(s) the target institution already uses."));
        if (problems.Count == 0)
            InstitutionClaims.Rescope(db, claims, scope);
        return problems;
    }

    /// How many clashing values a refused move names one by one.
    private const int MaxNamed = 20;

    private OperationResult Refused(List<ContentProblem> problems)
    {
        // The relocation was applied to tracked entities: none of it may reach a later save of this context.
        db.ChangeTracker.Clear();
        return OperationResult.Fail(OperationStatus.DuplicateValue, problems);
    }
}
