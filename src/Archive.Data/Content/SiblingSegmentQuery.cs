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

    /// The siblings' segments that clash with a wanted one: the segment itself and its numbered forms, as far as the first
    /// free one. Asked by exact values, a window of candidates at a time, each an index lookup: a prefix (LIKE) cannot use
    /// the (Culture, UrlSegment) index under SQLite's or most PostgreSQL collations, and scanning a collection of 100,000
    /// siblings would cost every save its length.
    public static async Task<HashSet<string>> ClashesAsync(ArchiveDbContext db, long? parentId, bool isMedia, long exceptNodeId, string culture, string wanted, CancellationToken ct)
    {
        var clashes = new HashSet<string>(StringComparer.Ordinal);
        var window = 8;
        for (var first = 1; ; first += window, window = Math.Min(window * 2, 512))
        {
            var candidates = Enumerable.Range(first, window).Select(n => n == 1 ? wanted : $"{wanted}-{n}").ToList();
            var taken = await (
                from c in db.NodeCultures.AsNoTracking()
                where c.Culture == culture && candidates.Contains(c.UrlSegment) && c.NodeId != exceptNodeId
                join n in db.Nodes.AsNoTracking() on c.NodeId equals n.Id
                where n.ParentId == parentId && n.IsMedia == isMedia && !n.Trashed
                select c.UrlSegment).Distinct().ToListAsync(ct);
            clashes.UnionWith(taken);
            // A free candidate in this window: the first free form is here or before.
            if (taken.Count < candidates.Count)
                return clashes;
        }
    }
}
