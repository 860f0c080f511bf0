using Archive.Data.Entities;
using Archive.Engine.Content;
using Archive.Engine.Exhibitions;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Content;

public sealed partial class ContentService
{
    /// The registrar's rules a publish keeps (BookingRules), checked against what is published: a stop books no
    /// object another stop holds on overlapping days (409) and shows only the organiser's own objects or objects a
    /// signed or active loan covers (422); a loan does not end before a stop it covers closes (422); a route passes
    /// only through published places (422). Drafts are not held to them: a checklist is drawn up before its loans
    /// are signed.
    private async Task<OperationResult?> BookingFailureAsync(NodeEntity node, ContentData draft, CancellationToken ct) => node.ContentTypeAlias switch
    {
        ArchiveAliases.ExhibitionStop => await StopFailureAsync(node, draft, ct),
        LoanType => await LoanFailureAsync(node, draft, ct),
        "route" => await RouteFailureAsync(draft, ct),
        _ => null,
    };

    private const string LoanType = "loan";

    private async Task<OperationResult?> StopFailureAsync(NodeEntity node, ContentData draft, CancellationToken ct)
    {
        if (ExhibitionDays.Day(draft.GetValue("openingDate")) is not { } opening)
            return null;
        var closing = ExhibitionDays.Day(draft.GetValue("closingDate"));
        if (closing < opening)
            return OperationResult.Fail(OperationStatus.RuleBroken, "closingDate", "The closing day is before the opening day.");
        var exhibition = node.ParentId is { } parentId ? await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == parentId, ct) : null;
        var exhibitionData = exhibition is null ? null : await PublishedDataAsync(exhibition.Id, ct);
        var stop = new StopBooking(node.Key, "", opening, closing, LoanTermsOf.Checklist(draft, exhibitionData));

        var others = await PublishedStopsAsync(node.Id, ct);
        var names = await NamesAsync(stop.Objects.Concat(others.Select(o => o.Stop)), ct);
        var doubles = BookingRules.DoubleBookings(stop, others);
        if (doubles.Count > 0)
            return OperationResult.Fail(OperationStatus.Conflict, doubles.Select(d => new ContentProblem("objects", null,
                $"'{names.GetValueOrDefault(d.Object)}' ({d.Object}) is booked at the stop '{names.GetValueOrDefault(d.Other.Stop)}' ({d.Other.Stop}), " +
                $"{d.Other.Opening:yyyy-MM-dd}–{d.Other.Closing?.ToString("yyyy-MM-dd") ?? "…"}, whose days overlap this stop's.")).ToList());

        if (Archive.Engine.Editors.MultiNodeTreePickerEditor.Keys(exhibitionData?.GetValue("organiser")).FirstOrDefault() is var organiser && organiser == Guid.Empty)
            return null;
        var organiserNode = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == organiser, ct);
        var paths = await db.Nodes.AsNoTracking().Where(n => stop.Objects.Contains(n.Key)).ToDictionaryAsync(n => n.Key, n => n.Path, ct);
        bool Own(Guid key) => organiserNode is not null && paths.TryGetValue(key, out var path) && $",{path},".Contains($",{organiserNode.Id},");
        var uncovered = BookingRules.Uncovered(stop, Own, await PublishedLoansAsync(ct));
        if (uncovered.Count == 0)
            return null;
        var organiserName = (await NamesAsync([organiser], ct)).GetValueOrDefault(organiser, "the organiser");
        return OperationResult.Fail(OperationStatus.RuleBroken, uncovered.Select(o => new ContentProblem("objects", null,
            $"'{names.GetValueOrDefault(o)}' ({o}) is not {organiserName}'s own, and no signed or active loan covers it at this stop.")).ToList());
    }

    private async Task<OperationResult?> LoanFailureAsync(NodeEntity node, ContentData draft, CancellationToken ct)
    {
        var loan = LoanTermsOf.Read(node.Key, "", draft);
        if (loan.Start is { } start && loan.End is { } end && end < start)
            return OperationResult.Fail(OperationStatus.RuleBroken, "loanEnd", "The loan ends before it starts.");
        var outlasting = BookingRules.OutlastedBy(loan, await PublishedStopsAsync(null, ct));
        if (outlasting.Count == 0)
            return null;
        var names = await NamesAsync(outlasting.Select(s => s.Stop), ct);
        return OperationResult.Fail(OperationStatus.RuleBroken, outlasting.Select(s => new ContentProblem("loanEnd", null,
            $"The loan ends on {loan.End:yyyy-MM-dd}, before the stop '{names.GetValueOrDefault(s.Stop)}' ({s.Stop}) it covers closes ({s.Closing?.ToString("yyyy-MM-dd") ?? "open-ended"}).")).ToList());
    }

    private async Task<OperationResult?> RouteFailureAsync(ContentData draft, CancellationToken ct)
    {
        var stops = Archive.Engine.Editors.MultiNodeTreePickerEditor.Keys(draft.GetValue("stops"));
        var published = await db.Nodes.AsNoTracking().Where(n => stops.Contains(n.Key) && !n.Trashed)
            .Where(n => db.NodeVersions.Any(v => v.NodeId == n.Id && v.IsPublished)).Select(n => n.Key).ToListAsync(ct);
        var hidden = stops.Except(published).ToList();
        if (hidden.Count == 0)
            return null;
        var names = await NamesAsync(hidden, ct);
        return OperationResult.Fail(OperationStatus.RuleBroken, hidden.Select(h => new ContentProblem("stops", null,
            $"The route passes through '{names.GetValueOrDefault(h)}' ({h}), which is not a published place; a route shows only public places.")).ToList());
    }

    private async Task<ContentData?> PublishedDataAsync(long nodeId, CancellationToken ct) =>
        await db.NodeVersions.AsNoTracking().Where(v => v.NodeId == nodeId && v.IsPublished).Select(v => v.Data).FirstOrDefaultAsync(ct) is { } json
            ? ContentData.FromJson(json) : null;

    /// Every published stop but one, with its checklist.
    private async Task<List<StopBooking>> PublishedStopsAsync(long? except, CancellationToken ct)
    {
        var stops = await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == ArchiveAliases.ExhibitionStop && !n.Trashed && n.Id != except)
            .Join(db.NodeVersions.Where(v => v.IsPublished), n => n.Id, v => v.NodeId, (n, v) => new { n.Key, n.ParentId, v.Data }).ToListAsync(ct);
        var parentIds = stops.Select(s => s.ParentId).OfType<long>().Distinct().ToList();
        var exhibitions = (await db.NodeVersions.AsNoTracking().Where(v => parentIds.Contains(v.NodeId) && v.IsPublished).Select(v => new { v.NodeId, v.Data }).ToListAsync(ct))
            .ToDictionary(v => v.NodeId, v => ContentData.FromJson(v.Data));
        var bookings = new List<StopBooking>();
        foreach (var stop in stops)
        {
            var data = ContentData.FromJson(stop.Data);
            if (ExhibitionDays.Day(data.GetValue("openingDate")) is { } opening)
                bookings.Add(new StopBooking(stop.Key, "", opening, ExhibitionDays.Day(data.GetValue("closingDate")),
                    LoanTermsOf.Checklist(data, stop.ParentId is { } p ? exhibitions.GetValueOrDefault(p) : null)));
        }
        return bookings;
    }

    private async Task<List<LoanTerms>> PublishedLoansAsync(CancellationToken ct) =>
        (await db.Nodes.AsNoTracking().Where(n => n.ContentTypeAlias == LoanType && !n.Trashed)
            .Join(db.NodeVersions.Where(v => v.IsPublished), n => n.Id, v => v.NodeId, (n, v) => new { n.Key, v.Data }).ToListAsync(ct))
        .Select(l => LoanTermsOf.Read(l.Key, "", ContentData.FromJson(l.Data))).ToList();

    /// Items' names in the default culture, for messages a registrar reads.
    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> keys, CancellationToken ct) =>
        await Exhibitions.NodeNames.ReadAsync(db, keys, (await schemas.GetAsync(db, ct)).Cultures.Default?.IsoCode ?? "", ct);
}
