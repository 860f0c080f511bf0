using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Archive.Data.Content;
using Archive.Data.Entities;
using Archive.Data.Schema;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Movements;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Movements;

/// Brings an archive catalogued before the movement ledger onto it, losing no value: an artefact's former
/// current-location and storage-location texts become location items (the storage one private) and the first
/// entry of its ledger, which is also its home; an exhibition stop's city text finds or becomes its venue. The old
/// values stay in the items' stored versions. Runs once: only while the ledger is empty.
public sealed class LegacyLocations(ArchiveDbContext db, ContentService content, SchemaStore schemas, TimeProvider clock)
{
    public const string Actor = "system (ledger migration)";
    private const string CurrentAlias = "currentLocation", StorageAlias = "storageLocation", CityAlias = "city";

    private readonly Dictionary<(Guid Parent, string Name), Guid> _made = [];

    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        var migrated = await StopsAsync(ct);
        if (await db.Movements.AnyAsync(ct) || await db.HomeLocations.AnyAsync(ct))
            return migrated;
        // The artefacts are chosen inside the query: a catalogue of 100,000 would pass SQLite's limit on parameters.
        var artefactNodes = db.Nodes.Where(n => n.ContentTypeAlias == ArchiveAliases.Artefact && !n.Trashed && !n.IsMedia);
        var drafts = await db.VersionsMentioning(StorageAlias).Concat(db.VersionsMentioning(CurrentAlias)).AsNoTracking()
            .Where(v => v.IsDraft && artefactNodes.Any(n => n.Id == v.NodeId)).Select(v => new { v.NodeId, v.Data }).Distinct().ToListAsync(ct);
        if (drafts.Count == 0)
            return migrated;
        var mentioned = drafts.Select(d => d.NodeId).Distinct().ToList();
        var artefacts = new Dictionary<long, NodeEntity>();
        foreach (var chunk in mentioned.Chunk(1000))
            foreach (var node in await artefactNodes.AsNoTracking().Where(n => chunk.Contains(n.Id)).ToListAsync(ct))
                artefacts[node.Id] = node;
        var institutions = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == ArchiveAliases.Institution && !n.Trashed).ToListAsync(ct);
        var institutionData = await DraftsAsync(institutions.Select(i => i.Id), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var draft in drafts.DistinctBy(d => d.NodeId))
        {
            var node = artefacts[draft.NodeId];
            var data = ContentData.FromJson(draft.Data);
            var current = Texts(data, CurrentAlias);
            var storage = Texts(data, StorageAlias);
            if (current.Count == 0 && storage.Count == 0)
                continue;
            var institution = institutions.FirstOrDefault(i => $",{node.Path},".Contains($",{i.Id},", StringComparison.Ordinal));
            if (institution is null)
                continue;
            Guid place = institution.Key;
            // Where the object is kept in its own institution's city, the institution is that place; elsewhere it is a
            // location of its own, named by the old text in every culture it had.
            var city = Texts(institutionData[institution.Id], CityAlias).Values.Select(Normal).ToHashSet();
            if (current.Count > 0 && !current.Values.Select(Normal).Any(city.Contains))
                place = await EnsureAsync(place, current, "city", isPrivate: false, ct);
            if (storage.Count > 0)
                place = await EnsureAsync(place, storage, "storage unit", isPrivate: true, ct);
            var note = string.Join("; ", new[] { (CurrentAlias, current), (StorageAlias, storage) }.Where(t => t.Item2.Count > 0)
                .Select(t => $"{t.Item1}: {string.Join(" / ", t.Item2.Select(p => p.Key.Length == 0 ? p.Value : $"{p.Key} “{p.Value}”"))}"));
            db.Movements.Add(LedgerRows.ToRow(new Movement(Guid.NewGuid(), node.Key, null, place, node.CreateDate, null, MovementReasons.Inventory, null, null, null, null, null,
                "Recorded from the catalogue's former location fields — " + note, null, now, Actor)));
            db.HomeLocations.Add(new HomeLocationEntity { Object = node.Key, Location = place, Since = node.CreateDate, Recorded = now, RecordedBy = Actor });
            db.ChangeLog.Add(new ChangeLogEntity { Timestamp = now, EntityType = ChangeTypes.Document, Key = node.Key, Change = LedgerWriter.LedgerChange });
            migrated++;
        }
        await db.SaveChangesAsync(ct);
        return migrated;
    }

    /// A stop with a city and no venue gets the venue in that city (by any of its names), or a new one named by it.
    private async Task<int> StopsAsync(CancellationToken ct)
    {
        var stops = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == ArchiveAliases.ExhibitionStop && !n.Trashed).ToListAsync(ct);
        var stopData = await DraftsAsync(stops.Select(s => s.Id), ct);
        var lacking = stops.Where(s => string.IsNullOrWhiteSpace(stopData[s.Id].GetValue("venue")) && Texts(stopData[s.Id], CityAlias).Count > 0).ToList();
        if (lacking.Count == 0)
            return 0;
        var venues = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == "venue" && !n.Trashed).ToListAsync(ct);
        var venueData = await DraftsAsync(venues.Select(v => v.Id), ct);
        var root = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == "venues" && !n.Trashed).OrderBy(n => n.Id).Select(n => (Guid?)n.Key).FirstOrDefaultAsync(ct);
        var done = 0;
        foreach (var stop in lacking)
        {
            var city = Texts(stopData[stop.Id], CityAlias);
            var names = city.Values.Select(Normal).ToHashSet();
            var venue = venues.FirstOrDefault(v => Texts(venueData[v.Id], CityAlias).Values.Select(Normal).Any(names.Contains))?.Key;
            if (venue is null && root is { } venuesRoot)
                venue = await EnsureAsync(venuesRoot, city, null, isPrivate: false, ct, type: "venue");
            if (venue is not { } found)
                continue;
            var published = await db.NodeCultures.AnyAsync(c => c.NodeId == stop.Id && c.Published, ct);
            var saved = await content.SaveAsync(stop.Key, new ContentEdit { Values = [new ValueEdit("venue", null, JsonValue.Create($"umb://document/{found:N}"))] }, Actor, ct: ct);
            if (saved.Succeeded && published)
                await content.PublishAsync(stop.Key, null, Actor, ct: ct);
            done += saved.Succeeded ? 1 : 0;
        }
        return done;
    }

    /// The location (or venue) of that name under the parent, made and published the first time it is asked for.
    private async Task<Guid> EnsureAsync(Guid parent, IReadOnlyDictionary<string, string> names, string? kind, bool isPrivate, CancellationToken ct, string type = "location")
    {
        var schema = await schemas.GetAsync(db, ct);
        // Named (and published) in the cultures its parent is published in: a child cannot be published where its parent is not.
        var parentCultures = await db.Nodes.AsNoTracking().Where(n => n.Key == parent)
            .Join(db.NodeCultures, n => n.Id, c => c.NodeId, (n, c) => c).Where(c => c.Published && c.Culture != "").Select(c => c.Culture).ToListAsync(ct);
        var cultures = parentCultures.Count > 0 ? parentCultures : schema.Cultures.Languages.Select(l => l.IsoCode).ToList();
        var fallback = names.GetValueOrDefault(schema.Cultures.Default?.IsoCode ?? "") ?? names.Values.First();
        var byCulture = cultures.ToDictionary(c => c, c => names.GetValueOrDefault(c) ?? names.GetValueOrDefault("") ?? fallback);
        var id = (parent, string.Join("|", byCulture.OrderBy(p => p.Key).Select(p => p.Value)));
        if (_made.TryGetValue(id, out var known))
            return known;
        var key = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"archive:legacy-location:{id.parent}:{id.Item2}"))[..16]);
        if (!await db.Nodes.AnyAsync(n => n.Key == key, ct))
        {
            List<ValueEdit> values = [];
            if (kind is not null)
                values.Add(new ValueEdit("locationKind", null, new JsonArray(kind)));
            if (isPrivate)
                values.Add(new ValueEdit(ArchiveAliases.PrivateRecord, null, JsonValue.Create(true)));
            var created = await content.CreateAsync(parent, type, new ContentEdit { Names = byCulture, Values = values }, Actor, key, ct: ct);
            if (!created.Succeeded)
                throw new InvalidOperationException($"The location '{fallback}' could not be made under {parent}: {created}");
            var published = await content.PublishAsync(key, null, Actor, ct: ct);
            if (!published.Succeeded)
                throw new InvalidOperationException($"The location '{fallback}' could not be published under {parent}: {published}");
        }
        return _made[id] = key;
    }

    /// A value's texts by culture ("" for an invariant one), blanks left out.
    private static Dictionary<string, string> Texts(ContentData data, string alias) =>
        data.Values.TryGetValue(alias, out var byCulture)
            ? byCulture.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value.Trim())
            : [];

    private static string Normal(string text) => text.Trim().ToLowerInvariant();

    private Task<Dictionary<long, ContentData>> DraftsAsync(IEnumerable<long> ids, CancellationToken ct) => Exhibitions.NodeDrafts.ReadAsync(db, ids, ct);
}
