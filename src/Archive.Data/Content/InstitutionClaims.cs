using Archive.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

/// Values unique within an institution (accession numbers) are claimed under the key of the item's root. An item that
/// moves to another root takes its subtree's claims along, so they are checked against the new institution's numbers and
/// the old institution's are freed; moves in the back office and imports whose folder moved an item both ask here.
public static class InstitutionClaims
{
    private const int Chunk = 500;

    /// The root's key of a node at this path: the node's own key when it is the root.
    public static async Task<Guid> ScopeOfAsync(ArchiveDbContext db, NodeEntity node, CancellationToken ct)
    {
        var rootId = RootIdOf(node.Path);
        return rootId == node.Id ? node.Key : await db.Nodes.Where(n => n.Id == rootId).Select(n => n.Key).FirstAsync(ct);
    }

    public static long RootIdOf(string path) =>
        long.Parse(path.AsSpan(0, path.IndexOf(',') is var comma and > 0 ? comma : path.Length));

    /// The claims these nodes hold for the rule's aliases under any scope but this one (read only).
    public static async Task<List<UniqueValueEntity>> ElsewhereAsync(ArchiveDbContext db, IEnumerable<long> nodeIds, IReadOnlyCollection<string> aliases,
        Guid scope, CancellationToken ct)
    {
        var claims = new List<UniqueValueEntity>();
        if (aliases.Count == 0)
            return claims;
        foreach (var chunk in nodeIds.Chunk(Chunk))
            claims.AddRange(await db.UniqueValues.AsNoTracking()
                .Where(u => chunk.Contains(u.NodeId) && aliases.Contains(u.Alias) && u.ScopeKey != scope).ToListAsync(ct));
        return claims;
    }

    /// Of these claims, the ones another node already holds under the scope, each with its holder's node id.
    public static async Task<List<(UniqueValueEntity Claim, long HolderId)>> TakenAsync(ArchiveDbContext db, IReadOnlyList<UniqueValueEntity> claims,
        Guid scope, CancellationToken ct)
    {
        var taken = new List<(UniqueValueEntity, long)>();
        foreach (var chunk in claims.Chunk(Chunk))
        {
            var values = chunk.Select(c => c.Value).Distinct().ToList();
            var holders = await db.UniqueValues.AsNoTracking().Where(u => u.ScopeKey == scope && values.Contains(u.Value))
                .Select(u => new { u.Alias, u.Value, u.NodeId }).ToListAsync(ct);
            foreach (var claim in chunk)
                if (holders.FirstOrDefault(h => h.Alias == claim.Alias && h.Value == claim.Value && h.NodeId != claim.NodeId) is { } holder)
                    taken.Add((claim, holder.NodeId));
        }
        return taken;
    }

    /// Moves the claims under the scope with the context's next save (a move in the back office is one save).
    public static void Rescope(ArchiveDbContext db, IReadOnlyList<UniqueValueEntity> claims, Guid scope)
    {
        db.UniqueValues.RemoveRange(claims);
        db.UniqueValues.AddRange(claims.Select(c => new UniqueValueEntity { ScopeKey = scope, Alias = c.Alias, Value = c.Value, NodeId = c.NodeId }));
    }

    /// Moves the claims under the scope at once, inside the caller's transaction: an import writes new nodes' claims in
    /// bulk before it saves tracked changes, and a number freed by the move may be one of them.
    public static async Task RescopeNowAsync(ArchiveDbContext db, IReadOnlyList<UniqueValueEntity> claims, Guid scope, CancellationToken ct)
    {
        foreach (var (from, part) in claims.GroupBy(c => c.ScopeKey).SelectMany(g => g.Chunk(Chunk).Select(p => (g.Key, p))))
        {
            var ids = part.Select(c => c.NodeId).Distinct().ToList();
            var aliases = part.Select(c => c.Alias).Distinct().ToList();
            await db.UniqueValues.Where(u => u.ScopeKey == from && ids.Contains(u.NodeId) && aliases.Contains(u.Alias))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.ScopeKey, scope), ct);
        }
    }
}
