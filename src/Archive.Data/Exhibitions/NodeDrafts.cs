using Archive.Engine.Content;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Exhibitions;

/// Items' current drafts by node id, in one query: what registrars' documents and data migrations read (the records
/// as they stand, before anything is published).
public static class NodeDrafts
{
    public static async Task<Dictionary<long, ContentData>> ReadAsync(ArchiveDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.NodeVersions.AsNoTracking().Where(v => v.IsDraft && wanted.Contains(v.NodeId)).Select(v => new { v.NodeId, v.Data }).ToListAsync(ct))
            .ToDictionary(v => v.NodeId, v => ContentData.FromJson(v.Data));
    }
}
