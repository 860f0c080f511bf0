using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Exhibitions;

/// Items' names in one culture (else invariant, else any), for documents and messages a registrar reads.
public static class NodeNames
{
    public static async Task<Dictionary<Guid, string>> ReadAsync(ArchiveDbContext db, IEnumerable<Guid> keys, string culture, CancellationToken ct)
    {
        var wanted = keys.Where(k => k != Guid.Empty).Distinct().ToList();
        var rows = await db.Nodes.AsNoTracking().Where(n => wanted.Contains(n.Key))
            .Join(db.NodeCultures, n => n.Id, c => c.NodeId, (n, c) => new { n.Key, c.Culture, c.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key,
            g => (g.FirstOrDefault(r => string.Equals(r.Culture, culture, StringComparison.OrdinalIgnoreCase)) ?? g.FirstOrDefault(r => r.Culture == "") ?? g.First()).Name);
    }
}
