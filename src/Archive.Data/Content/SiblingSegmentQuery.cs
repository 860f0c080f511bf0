using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

public static class SiblingSegmentQuery
{
    /// The URL segments the children of a parent use, by culture (for imports, which claim many at once).
    /// It starts from the parent's children (an indexed lookup), not from every culture row.
    public static async Task<ILookup<string, string>> LoadAsync(ArchiveDbContext db, long? parentId, bool isMedia, bool includeTrashed, CancellationToken ct)
    {
        var rows = await (
            from n in db.Nodes.AsNoTracking()
            where n.ParentId == parentId && n.IsMedia == isMedia && (includeTrashed || !n.Trashed)
            join c in db.NodeCultures.AsNoTracking() on n.Id equals c.NodeId
            select new { c.Culture, c.UrlSegment }).ToListAsync(ct);
        return rows.ToLookup(r => r.Culture, r => r.UrlSegment, StringComparer.OrdinalIgnoreCase);
    }

    /// The siblings' segments that clash with a wanted one: the segment itself and its numbered forms.
    public static async Task<HashSet<string>> ClashesAsync(ArchiveDbContext db, long? parentId, bool isMedia, long exceptNodeId, string culture, string wanted, CancellationToken ct)
    {
        var numbered = wanted + "-";
        var rows = await (
            from c in db.NodeCultures.AsNoTracking()
            where c.Culture == culture && (c.UrlSegment == wanted || c.UrlSegment.StartsWith(numbered)) && c.NodeId != exceptNodeId
            join n in db.Nodes.AsNoTracking() on c.NodeId equals n.Id
            where n.ParentId == parentId && n.IsMedia == isMedia && !n.Trashed
            select c.UrlSegment).ToListAsync(ct);
        return rows.ToHashSet();
    }
}
