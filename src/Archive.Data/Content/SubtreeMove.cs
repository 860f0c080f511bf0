using Archive.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

/// Puts a node under a new parent with everything beneath it: its own and its descendants' paths and levels, which every
/// projection reads ancestors (and so visibility and privacy) from. Shared by moves in the back office and by imports
/// whose folder moved an item.
public static class SubtreeMove
{
    /// The descendants whose path changed, tracked by the context (saved with it).
    public static async Task<List<NodeEntity>> MoveAsync(ArchiveDbContext db, NodeEntity node, long? parentId, string? parentPath, int parentLevel, CancellationToken ct)
    {
        var oldPath = node.Path;
        var levelShift = parentLevel + 1 - node.Level;
        var newPath = parentPath is null ? $"{node.Id}" : $"{parentPath},{node.Id}";
        var descendants = await db.Nodes.Where(n => n.Path.StartsWith(oldPath + ",")).ToListAsync(ct);
        foreach (var descendant in descendants)
        {
            descendant.Path = newPath + descendant.Path[oldPath.Length..];
            descendant.Level += levelShift;
        }
        node.Path = newPath;
        node.Level += levelShift;
        node.ParentId = parentId;
        return descendants;
    }
}
