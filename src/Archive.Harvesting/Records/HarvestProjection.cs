using Archive.Data;
using Archive.Data.Entities;
using Archive.Delivery.Cache;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.Harvesting.Records;

/// Keeps the harvest records (OAI datestamps, deleted records) and the IIIF change discovery stream in step with the
/// public projection, from the published cache the same follower has just brought up to date. The records live in the
/// database: they survive restarts, and in a cluster one node writes each change once — the state row's position is
/// claimed with a conditional update, and a node that finds it already past a batch only moves its own position.
public sealed class HarvestProjection(PublishedCache cache, PublishedCacheProjection cacheProjection, IServiceScopeFactory scopes,
    TimeProvider clock, ILogger<HarvestProjection> logger) : IProjection
{
    public const string StateName = "harvest";
    private const int Chunk = 500;
    private long? _position;

    public string Name => "harvest records";

    public long? Position => _position;

    public IEnumerable<Guid> AlsoAffected(IReadOnlyCollection<Guid> changed) => [];

    public async Task RebuildAsync(IStoredItemSource source, CancellationToken ct)
    {
        if (cacheProjection.Position is not { } cachePosition)
            throw new InvalidOperationException("The published cache is not built yet.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var state = await db.HarvestState.AsNoTracking().FirstOrDefaultAsync(s => s.Name == StateName, ct);
        // Records written before (by this node or another) stand unless the schema changed since: catch up from there.
        if (state is not null && state.Position <= cachePosition
            && !await db.ChangeLog.AnyAsync(c => c.Id > state.Position && c.EntityType == ChangeTypes.Schema, ct))
        {
            _position = state.Position;
            return;
        }
        if (state is not null && state.Position > cachePosition)
        {
            _position = cachePosition;
            return;
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tracked = cache.All.Where(n => !n.IsMedia && RecordFingerprint.ObjectTypeOf(n.ContentTypeAlias) is not null).Select(n => n.Key).ToList();
        var known = await db.HarvestRecords.AsNoTracking().Select(r => r.Key).ToListAsync(ct);
        var written = await WriteAsync(tracked.Union(known).ToList(), cachePosition, ct);
        logger.LogInformation("Reconciled {Count} harvest records ({Changed} changed) in {Milliseconds} ms", tracked.Count, written, watch.ElapsedMilliseconds);
        _position = cachePosition;
    }

    public async Task ApplyAsync(ProjectedChanges changes, CancellationToken ct)
    {
        // The records are read from the published cache: it must hold these changes first.
        if (cacheProjection.Position is not { } cachePosition || cachePosition < changes.Position)
            throw new InvalidOperationException("The published cache has not applied these changes yet.");
        var touched = changes.Items.Select(i => i.Stored.Key).Concat(changes.Removed).ToHashSet();
        var affected = new HashSet<Guid>(touched);
        foreach (var key in touched)
            affected.UnionWith(cache.ReferrersOf(key));
        // A collection's members changed with them: the parents of changed items, as they are and as they were.
        foreach (var item in changes.Items)
            if (item.Stored.Ancestors.Count > 0)
                affected.Add(item.Stored.Ancestors[^1].Key);
        await WriteAsync(affected.ToList(), changes.Position, ct);
        _position = changes.Position;
    }

    /// Brings the records of these keys to what the cache holds now and claims the position; returns how many changed.
    private async Task<int> WriteAsync(IReadOnlyList<Guid> keys, long position, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var state = await db.HarvestState.FirstOrDefaultAsync(s => s.Name == StateName, ct);
        if (state is not null && state.Position >= position)
            return 0;
        var now = Truncate(clock.GetUtcNow().UtcDateTime);
        // Datestamps never go back, so a harvest from the last response date misses nothing.
        var latest = await db.HarvestRecords.MaxAsync(r => (DateTime?)r.Datestamp, ct);
        if (latest is { } last && last > now)
            now = last;
        // Removed items' former parents are known only from the sets their records had.
        var all = new HashSet<Guid>(keys);
        foreach (var chunk in keys.Where(k => cache.Find(k) is null).Chunk(Chunk))
            foreach (var sets in await db.HarvestRecords.Where(r => chunk.Contains(r.Key)).Select(r => r.Sets).ToListAsync(ct))
                all.UnionWith(ParentsIn(sets));
        var changed = 0;
        foreach (var chunk in all.Chunk(Chunk))
        {
            var rows = await db.HarvestRecords.Where(r => chunk.Contains(r.Key)).ToDictionaryAsync(r => r.Key, ct);
            foreach (var key in chunk)
                changed += Write(db, key, rows.GetValueOrDefault(key), now, position);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (state is null)
            db.HarvestState.Add(new HarvestStateEntity { Name = StateName, Position = position });
        else
        {
            db.Attach(state);
            state.Position = position;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    private int Write(ArchiveDbContext db, Guid key, HarvestRecordEntity? row, DateTime now, long position)
    {
        var node = cache.Find(key);
        var objectType = node is { IsMedia: false } ? RecordFingerprint.ObjectTypeOf(node.ContentTypeAlias) : null;
        if (node is null || objectType is null)
        {
            if (row is null || row.Deleted)
                return 0;
            row.Deleted = true;
            row.Hash = "";
            row.Datestamp = now;
            row.Sequence = position;
            db.HarvestActivities.Add(new HarvestActivityEntity { Key = key, ObjectType = RecordFingerprint.ObjectTypeOf(row.ContentType) ?? "Manifest", Type = "Delete", EndTime = now });
            return 1;
        }
        var hash = RecordFingerprint.Of(cache, node);
        var sets = string.Join(' ', RecordFingerprint.SetsOf(cache, node));
        if (row is null)
        {
            db.HarvestRecords.Add(new HarvestRecordEntity { Key = key, ContentType = node.ContentTypeAlias, Datestamp = now, Sequence = position, Hash = hash, Sets = sets });
            db.HarvestActivities.Add(new HarvestActivityEntity { Key = key, ObjectType = objectType, Type = "Create", EndTime = now });
            return 1;
        }
        if (!row.Deleted && row.Hash == hash && row.Sets == sets)
            return 0;
        var type = row.Deleted ? "Create" : "Update";
        row.Deleted = false;
        row.Hash = hash;
        row.Sets = sets;
        row.ContentType = node.ContentTypeAlias;
        row.Datestamp = now;
        row.Sequence = position;
        db.HarvestActivities.Add(new HarvestActivityEntity { Key = key, ObjectType = objectType, Type = type, EndTime = now });
        return 1;
    }

    private static IEnumerable<Guid> ParentsIn(string sets) =>
        sets.Split([' ', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s[(s.IndexOf('-') + 1)..]).Select(s => Guid.TryParse(s, out var key) ? key : Guid.Empty).Where(k => k != Guid.Empty).Distinct();

    private static DateTime Truncate(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
