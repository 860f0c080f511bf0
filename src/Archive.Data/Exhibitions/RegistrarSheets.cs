using Archive.Data.Entities;
using Archive.Engine.Content;
using Archive.Engine.Exhibitions;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Exhibitions;

/// One object as a registrar's sheet shows it: identification, physical details, who lends it under which loan.
public sealed record SheetObject(Guid Key, string Name, string? AccessionNumber, string? Dimensions, string? Condition, string? Owner,
    string? Loan, string? LoanState, string? CreditLine, decimal? InsuranceValue, bool Covered, bool Public)
{
    /// From the movement ledger: where the object is now ("in transit" when on its way), the crate it is packed in,
    /// and its last condition check ("good, 2026-06-08").
    public string? NowAt { get; init; }
    public string? Crate { get; init; }
    public string? LastCheck { get; init; }
}

/// A stop as its registrar's documents need it: where and when, the stop before it, and its checklist — the objects
/// arriving from that stop, those arriving from their lenders, and those going back to their lenders after it.
public sealed record StopSheet(Guid Key, string Name, string Exhibition, string? Venue, DateOnly? Opening, DateOnly? Closing,
    string? PreviousStop, string? PreviousVenue, IReadOnlyList<SheetObject> Travelling, IReadOnlyList<SheetObject> FromLenders, IReadOnlyList<SheetObject> Returning)
{
    public IEnumerable<SheetObject> Checklist => Travelling.Concat(FromLenders);
}

/// Reads the registrar's view of a stop from the records as they stand (drafts included: documents are drawn up
/// before anything is published), names in the culture asked for, else the default one.
public sealed partial class RegistrarSheets(ArchiveDbContext db, Schema.SchemaStore schemas, Movements.LedgerReader ledger, TimeProvider clock)
{
    public async Task<StopSheet?> StopAsync(Guid key, string? culture, CancellationToken ct)
    {
        var stop = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && !n.Trashed && n.ContentTypeAlias == ArchiveAliases.ExhibitionStop, ct);
        if (stop?.ParentId is not { } parentId)
            return null;
        var schema = await schemas.GetAsync(db, ct);
        var language = culture is { Length: > 0 } && schema.Cultures.Resolve(culture) is { } resolved ? resolved : schema.Cultures.Default?.IsoCode ?? "";
        var exhibition = await db.Nodes.AsNoTracking().FirstAsync(n => n.Id == parentId, ct);
        var siblings = await db.Nodes.AsNoTracking().Where(n => n.ParentId == parentId && !n.Trashed && n.ContentTypeAlias == ArchiveAliases.ExhibitionStop).ToListAsync(ct);
        var data = await DraftsAsync(siblings.Select(s => s.Id).Append(exhibition.Id), ct);
        var exhibitionData = data[exhibition.Id];
        IReadOnlyList<Guid> ChecklistOf(NodeEntity s) => LoanTermsOf.Checklist(data[s.Id], exhibitionData);
        DateOnly? Opening(NodeEntity s) => ExhibitionDays.Day(data[s.Id].GetValue("openingDate"));
        var previous = siblings.Where(s => s.Id != stop.Id && Opening(s) is { } o && Opening(stop) is { } mine && o < mine).OrderBy(Opening).LastOrDefault();

        var checklist = ChecklistOf(stop);
        var before = previous is null ? [] : ChecklistOf(previous);
        var venueKeys = new[] { stop, previous }.OfType<NodeEntity>().Select(s => Archive.Engine.Editors.MultiNodeTreePickerEditor.Keys(data[s.Id].GetValue("venue")).FirstOrDefault()).ToList();
        var organiser = Archive.Engine.Editors.MultiNodeTreePickerEditor.Keys(exhibitionData.GetValue("organiser")).FirstOrDefault();
        var names = await NamesAsync(checklist.Concat(before).Concat(venueKeys).Append(organiser).Append(exhibition.Key).Append(stop.Key)
            .Concat(previous is null ? [] : [previous.Key]), language, ct);
        var objects = await ObjectsAsync(checklist.Union(before).ToList(), language, names, stop, data[stop.Id], exhibitionData, organiser, ct);
        await WithLedgerAsync(objects, language, ct);
        SheetObject Of(Guid k) => objects.GetValueOrDefault(k) ?? new SheetObject(k, names.GetValueOrDefault(k, k.ToString()), null, null, null, null, null, null, null, null, false, false);
        return new StopSheet(stop.Key, names.GetValueOrDefault(stop.Key, ""), names.GetValueOrDefault(exhibition.Key, ""), venueKeys[0] is var v && v != Guid.Empty ? names.GetValueOrDefault(v) : null,
            Opening(stop), ExhibitionDays.Day(data[stop.Id].GetValue("closingDate")),
            previous is null ? null : names.GetValueOrDefault(previous.Key), previous is not null && venueKeys[1] != Guid.Empty ? names.GetValueOrDefault(venueKeys[1]) : null,
            checklist.Where(before.Contains).Select(Of).ToList(), checklist.Where(k => !before.Contains(k)).Select(Of).ToList(),
            before.Where(k => !checklist.Contains(k)).Select(Of).ToList());
    }

    private async Task<Dictionary<Guid, SheetObject>> ObjectsAsync(IReadOnlyList<Guid> keys, string culture, Dictionary<Guid, string> names, NodeEntity stop,
        ContentData stopData, ContentData exhibitionData, Guid organiser, CancellationToken ct)
    {
        var nodes = await db.Nodes.AsNoTracking().Where(n => keys.Contains(n.Key) && !n.Trashed).ToListAsync(ct);
        var drafts = await DraftsAsync(nodes.Select(n => n.Id), ct);
        var published = await db.NodeVersions.AsNoTracking().Where(v => v.IsPublished && nodes.Select(n => n.Id).Contains(v.NodeId)).Select(v => v.NodeId).ToListAsync(ct);
        // Owners: the institution each object is held by (the first institution on its path).
        var pathIds = nodes.SelectMany(n => n.Path.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse)).Distinct().ToList();
        var institutions = await db.Nodes.AsNoTracking().Where(n => pathIds.Contains(n.Id) && n.ContentTypeAlias == ArchiveAliases.Institution).ToListAsync(ct);
        var institutionNames = await NamesAsync(institutions.Select(i => i.Key), culture, ct);
        var loanNodes = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == "loan" && !n.Trashed).ToListAsync(ct);
        var loanData = await DraftsAsync(loanNodes.Select(l => l.Id), ct);
        var loanNames = await NamesAsync(loanNodes.Select(l => l.Key), culture, ct);
        var booking = new StopBooking(stop.Key, "", ExhibitionDays.Day(stopData.GetValue("openingDate")) ?? DateOnly.MinValue, ExhibitionDays.Day(stopData.GetValue("closingDate")), keys);
        var result = new Dictionary<Guid, SheetObject>();
        foreach (var node in nodes)
        {
            var data = drafts[node.Id];
            var owner = institutions.FirstOrDefault(i => $",{node.Path},".Contains($",{i.Id},"));
            var loan = loanNodes.Select(l => (Node: l, Terms: LoanTermsOf.Read(l.Key, "", loanData[l.Id]))).Where(l => l.Terms.Objects.Contains(node.Key))
                .OrderByDescending(l => l.Terms.IsInForce && l.Terms.Covers(booking)).ThenByDescending(l => l.Terms.Start).Select(l => ((NodeEntity, LoanTerms)?)l).FirstOrDefault();
            var own = owner is not null && owner.Key == organiser;
            var loanValues = loan is { } found ? loanData[found.Item1.Id] : null;
            result[node.Key] = new SheetObject(node.Key, names.GetValueOrDefault(node.Key, node.Key.ToString()), data.GetValue(ArchiveAliases.AccessionNumber),
                Text(data, "dimensions", culture), Archive.Engine.Editors.DropDownEditor.Choices(data.GetValue("condition")).FirstOrDefault(),
                owner is null ? null : institutionNames.GetValueOrDefault(owner.Key),
                loan is { } l1 ? loanNames.GetValueOrDefault(l1.Item1.Key) : null, loan?.Item2.State,
                loanValues is null ? null : Text(loanValues, "creditLine", culture),
                decimal.TryParse(loanValues?.GetValue("insuranceValue") ?? data.GetValue("insuranceValue"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null,
                own || organiser == Guid.Empty || (loan is { } l2 && l2.Item2.IsInForce && l2.Item2.Covers(booking)),
                published.Contains(node.Id) && data.GetValue(ArchiveAliases.PrivateRecord) != "1");
        }
        return result;
    }

    /// Where each object is now by the ledger, the crate it is in and its last condition check: closing a stop, the
    /// next stop's pack list says what is where.
    private async Task WithLedgerAsync(Dictionary<Guid, SheetObject> objects, string culture, CancellationToken ct)
    {
        var keys = objects.Keys.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var where = await ledger.WhereAsync(keys, now, ct);
        var checks = (await db.ConditionChecks.AsNoTracking().Where(c => keys.Contains(c.Object)).ToListAsync(ct))
            .Where(c => c.Checked <= now).GroupBy(c => c.Object).ToDictionary(g => g.Key, g => g.MaxBy(c => (c.Checked, c.Id))!);
        var places = where.SelectMany(w => new[] { w.Where.Location, w.Where.From }).OfType<Guid>();
        var names = await NamesAsync(places, culture, ct);
        var crateKeys = where.Select(w => w.Where.Crate).OfType<Guid>().ToList();
        var crates = await db.Crates.AsNoTracking().Where(c => crateKeys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, c => c.Number, ct);
        foreach (var w in where)
            objects[w.Object] = objects[w.Object] with
            {
                NowAt = w.Where.InTransit ? "→" : w.Where.Location is { } at ? names.GetValueOrDefault(at, at.ToString()) : null,
                Crate = w.Where.Crate is { } crate ? crates.GetValueOrDefault(crate) : null,
                LastCheck = checks.TryGetValue(w.Object, out var check) ? $"{check.Grade}, {Engine.Movements.LedgerTime.Format(check.Checked)[..10]}" : null,
            };
    }

    private static string? Text(ContentData data, string alias, string culture) =>
        (data.GetValue(alias, culture) ?? data.GetValue(alias)) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private Task<Dictionary<long, ContentData>> DraftsAsync(IEnumerable<long> ids, CancellationToken ct) => NodeDrafts.ReadAsync(db, ids, ct);

    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> keys, string culture, CancellationToken ct) => NodeNames.ReadAsync(db, keys, culture, ct);
}
