using Archive.Engine.Content;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

public sealed record VersionSummary(long Id, int Number, DateTime CreatedAt, string CreatedBy, bool IsDraft, bool IsPublished, bool IsPublishedSnapshot, string? Note);

public sealed record ValueDifference(string Field, string Culture, string? Before, string? After);

public sealed partial class ContentService
{
    public async Task<IReadOnlyList<VersionSummary>?> ListVersionsAsync(Guid key, CancellationToken ct = default)
    {
        var nodeId = await db.Nodes.Where(n => n.Key == key).Select(n => (long?)n.Id).FirstOrDefaultAsync(ct);
        if (nodeId is null)
            return null;
        return await db.NodeVersions.Where(v => v.NodeId == nodeId).OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Id, v.Number, v.CreatedAt, v.CreatedBy, v.IsDraft, v.IsPublished, v.IsPublishedSnapshot, v.Note))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ValueDifference>?> CompareVersionsAsync(Guid key, long fromVersionId, long toVersionId, CancellationToken ct = default)
    {
        var versions = await db.NodeVersions.Where(v => (v.Id == fromVersionId || v.Id == toVersionId) && db.Nodes.Any(n => n.Id == v.NodeId && n.Key == key)).ToListAsync(ct);
        var from = versions.FirstOrDefault(v => v.Id == fromVersionId);
        var to = versions.FirstOrDefault(v => v.Id == toVersionId);
        if (from is null || to is null)
            return null;
        return Diff(ContentData.FromJson(from.Data), ContentData.FromJson(to.Data));
    }

    /// Makes an earlier version the new draft (a new version; history is never rewritten).
    public async Task<OperationResult> RollbackAsync(Guid key, long versionId, string actor, CancellationToken ct = default)
    {
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, ct);
        if (node is null)
            return OperationResult.NotFound(key);
        var version = await db.NodeVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null || version.NodeId != node.Id)
            return OperationResult.Fail(OperationStatus.NotFound, "$.versionId", $"Version {versionId} is not a version of this item.");
        if (node.Trashed)
            return OperationResult.Fail(OperationStatus.NotAllowed, "$.id", "The item is in the recycle bin; restore it before rolling back.");
        var data = ContentData.FromJson(version.Data);
        await AssignSegmentsAsync(node, data, ct);
        var uniqueness = await ClaimUniqueValuesAsync(node, data, ct);
        if (uniqueness.Count > 0)
        {
            db.ChangeTracker.Clear();
            return OperationResult.Fail(OperationStatus.DuplicateValue, uniqueness);
        }
        await AddDraftAsync(node, await DraftAsync(node, ct), data, actor, $"Rolled back to version {version.Number}", ct);
        Log(node, ChangeTypes.Saved, null);
        Audit(actor, "Rollback", node, null, $"to version {version.Number}");
        return await CommitAsync(node, ct);
    }

    public static List<ValueDifference> Diff(ContentData from, ContentData to)
    {
        var differences = new List<ValueDifference>();
        foreach (var culture in from.Names.Keys.Union(to.Names.Keys, StringComparer.OrdinalIgnoreCase))
        {
            var before = from.Names.GetValueOrDefault(culture);
            var after = to.Names.GetValueOrDefault(culture);
            if (before != after)
                differences.Add(new ValueDifference("name", culture, before, after));
        }
        foreach (var alias in from.Values.Keys.Union(to.Values.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var cultures = (from.Values.GetValueOrDefault(alias)?.Keys ?? Enumerable.Empty<string>()).Union(to.Values.GetValueOrDefault(alias)?.Keys ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var culture in cultures)
            {
                var before = from.GetValue(alias, culture);
                var after = to.GetValue(alias, culture);
                if (before != after)
                    differences.Add(new ValueDifference(alias, culture, before, after));
            }
        }
        return differences;
    }
}
