using Archive.Data.Entities;
using Archive.Engine.Movements;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Movements;

/// An object's ledger as a registrar reads it: every entry (superseded ones marked), its condition checks and homes.
public sealed record LedgerHistory(Guid Subject, IReadOnlyList<Movement> Movements, IReadOnlySet<Guid> Superseded,
    IReadOnlyList<ConditionCheck> Checks, IReadOnlyList<HomeLocation> Homes);

/// Where one object was at an instant, beside its home then.
public sealed record ObjectWhereabouts(Guid Object, Whereabouts Where, Guid? Home, bool AwayFromHome);

/// Answers the registrar's questions from the ledger: where was this object then, where is every object, what is
/// away from home, what is at a location. "Latest standing entry" is the one with the highest id among those not
/// superseded: the rules append a subject's entries in time order, and a correction replaces only the latest.
public sealed class LedgerReader(ArchiveDbContext db)
{
    public async Task<LedgerHistory> HistoryAsync(Guid subject, CancellationToken ct)
    {
        var movements = (await db.Movements.AsNoTracking().Where(m => m.Subject == subject).OrderBy(m => m.Id).ToListAsync(ct)).Select(LedgerRows.ToMovement).ToList();
        var checks = (await db.ConditionChecks.AsNoTracking().Where(c => c.Object == subject).OrderBy(c => c.Checked).ThenBy(c => c.Id).ToListAsync(ct)).Select(LedgerRows.ToCheck).ToList();
        var homes = (await db.HomeLocations.AsNoTracking().Where(h => h.Object == subject).OrderBy(h => h.Since).ThenBy(h => h.Id).ToListAsync(ct))
            .Select(h => new HomeLocation(h.Object, h.Location, LedgerRows.Utc(h.Since), LedgerRows.Utc(h.Recorded), h.RecordedBy)).ToList();
        return new LedgerHistory(subject, movements, movements.Where(m => m.Supersedes is not null).Select(m => m.Supersedes!.Value).ToHashSet(), checks, homes);
    }

    /// Where each of the objects was at the instant (two indexed queries, whatever the ledger's size).
    public async Task<IReadOnlyList<ObjectWhereabouts>> WhereAsync(IReadOnlyCollection<Guid> objects, DateTime instant, CancellationToken ct)
    {
        var latest = await LatestAsync(db.Movements.Where(m => objects.Contains(m.Subject)), instant, ct);
        var homes = await HomesAsync(objects, instant, ct);
        var paths = await PathsAsync(latest.Values.Select(m => m.To).Concat(homes.Values), ct);
        return objects.Select(o =>
        {
            var where = Ledger.Of(latest.GetValueOrDefault(o), instant);
            var home = homes.TryGetValue(o, out var h) ? h : (Guid?)null;
            return new ObjectWhereabouts(o, where, home, IsAway(where, home, paths));
        }).ToList();
    }

    /// A page of every artefact (in tree order of creation) with where it was at the instant.
    public async Task<(IReadOnlyList<ObjectWhereabouts> Items, int Total)> EveryObjectAsync(DateTime instant, int skip, int take, CancellationToken ct)
    {
        var artefacts = db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == ArchiveAliases.Artefact && !n.Trashed);
        var total = await artefacts.CountAsync(ct);
        var page = await artefacts.OrderBy(n => n.Id).Skip(skip).Take(take).Select(n => n.Key).ToListAsync(ct);
        return (await WhereAsync(page, instant, ct), total);
    }

    /// The objects away from their home location at the instant (not there nor anywhere inside it), a page at a time.
    public async Task<(IReadOnlyList<ObjectWhereabouts> Items, int Total)> AwayFromHomeAsync(DateTime instant, int skip, int take, CancellationToken ct)
    {
        var homes = await HomesAsync(null, instant, ct);
        var latest = await LatestAsync(db.Movements, instant, ct);
        var paths = await PathsAsync(latest.Values.Select(m => m.To).Concat(homes.Values).Distinct(), ct);
        var away = homes.Keys.Select(o => new ObjectWhereabouts(o, Ledger.Of(latest.GetValueOrDefault(o), instant), homes[o], false))
            .Where(w => IsAway(w.Where, w.Home, paths)).Select(w => w with { AwayFromHome = true })
            .OrderBy(w => w.Where.Last?.Departed).ThenBy(w => w.Object).ToList();
        return (away.Skip(skip).Take(take).ToList(), away.Count);
    }

    /// The objects at a location or anywhere inside it at the instant.
    public async Task<IReadOnlyList<ObjectWhereabouts>> AtAsync(Guid location, DateTime instant, CancellationToken ct)
    {
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == location, ct);
        if (node is null)
            return [];
        var prefix = node.Path + ",";
        // The place and the places inside it (not the records kept there: a collection holds artefacts too).
        var places = await db.Nodes.AsNoTracking().Where(n => n.Id == node.Id || (n.Path.StartsWith(prefix) && LedgerWriter.PlaceTypes.Contains(n.ContentTypeAlias)))
            .Select(n => n.Key).ToListAsync(ct);
        // The entries that took something there and are still its latest standing entry at the instant: one query on the
        // (subject, departed) index, however many objects have passed through the place before.
        var movements = db.Movements.AsNoTracking();
        var subjects = await movements.Where(m => places.Contains(m.To) && m.Departed <= instant && !movements.Any(s => s.Supersedes == m.Key)
                && !movements.Any(n => n.Subject == m.Subject && n.Id > m.Id && n.Departed <= instant && !movements.Any(s => s.Supersedes == n.Key)))
            .Select(m => m.Subject).Distinct().ToListAsync(ct);
        var artefacts = await db.Nodes.AsNoTracking().Where(n => subjects.Contains(n.Key) && n.ContentTypeAlias == ArchiveAliases.Artefact).Select(n => n.Key).ToListAsync(ct);
        return (await WhereAsync(artefacts, instant, ct)).Where(w => w.Where is { InTransit: false, Location: { } l } && places.Contains(l)).ToList();
    }

    /// Each subject's latest standing entry departed by the instant.
    public static async Task<Dictionary<Guid, Movement>> LatestAsync(IQueryable<MovementEntity> scope, DateTime instant, CancellationToken ct)
    {
        var ids = scope.Where(m => m.Departed <= instant && !scope.Any(s => s.Supersedes == m.Key)).GroupBy(m => m.Subject).Select(g => g.Max(m => m.Id));
        return (await scope.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct)).ToDictionary(m => m.Subject, LedgerRows.ToMovement);
    }

    private async Task<Dictionary<Guid, Guid>> HomesAsync(IReadOnlyCollection<Guid>? objects, DateTime instant, CancellationToken ct)
    {
        var homes = db.HomeLocations.AsNoTracking().Where(h => h.Since <= instant);
        if (objects is not null)
            homes = homes.Where(h => objects.Contains(h.Object));
        var ids = homes.GroupBy(h => h.Object).Select(g => g.Max(h => h.Id));
        return await db.HomeLocations.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Object, h => h.Location, ct);
    }

    /// Each place's id and path ("1,5,42"), to tell whether one lies inside another.
    private async Task<Dictionary<Guid, (long Id, string Path)>> PathsAsync(IEnumerable<Guid> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var nodes = await db.Nodes.AsNoTracking().Where(n => wanted.Contains(n.Key)).Select(n => new { n.Key, n.Id, n.Path }).ToListAsync(ct);
        return nodes.ToDictionary(n => n.Key, n => (n.Id, n.Path));
    }

    /// Away: somewhere known that is neither the home nor inside it (in transit counts as away).
    private static bool IsAway(Whereabouts where, Guid? home, Dictionary<Guid, (long Id, string Path)> paths)
    {
        if (home is not { } h || where.Last is null)
            return false;
        if (where.InTransit)
            return true;
        if (where.Location is not { } at || at == h)
            return false;
        return !(paths.TryGetValue(at, out var place) && paths.TryGetValue(h, out var homePlace) && $",{place.Path},".Contains($",{homePlace.Id},", StringComparison.Ordinal));
    }
}
