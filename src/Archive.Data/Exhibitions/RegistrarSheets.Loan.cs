using System.Globalization;
using Archive.Engine.Editors;
using Archive.Engine.Exhibitions;
using Archive.Engine.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Archive.Data.Exhibitions;

/// A stop a loan covers, as its agreement lists it.
public sealed record LoanStop(string Name, string? Venue, DateOnly? Opening, DateOnly? Closing);

/// A loan agreement's summary: the parties, the period and venues, the objects with their values, the conditions
/// (public and internal), the credit line and the courier. Private throughout.
public sealed record LoanSheet(Guid Key, string Name, string? State, string? Lender, string? Borrower, DateOnly? Start, DateOnly? End, string? Purpose,
    string? CreditLine, int? MaxImageSize, bool NoPhotography, string? InternalConditions, decimal? InsuranceValue, string? Courier, string? Renewals,
    IReadOnlyList<LoanStop> Stops, IReadOnlyList<SheetObject> Objects, IReadOnlyList<Guid> PartyPath);
// PartyPath: the keys of the lender, the borrower, the loan's objects and all their ancestors: a grant on any of them
// lets a scoped person read the loan.

public sealed partial class RegistrarSheets
{
    public async Task<LoanSheet?> LoanAsync(Guid key, string? culture, CancellationToken ct)
    {
        var loan = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && !n.Trashed && n.ContentTypeAlias == "loan", ct);
        if (loan is null)
            return null;
        var schema = await schemas.GetAsync(db, ct);
        var language = culture is { Length: > 0 } && schema.Cultures.Resolve(culture) is { } resolved ? resolved : schema.Cultures.Default?.IsoCode ?? "";
        var data = (await DraftsAsync([loan.Id], ct))[loan.Id];
        var terms = LoanTermsOf.Read(loan.Key, "", data);
        var lender = MultiNodeTreePickerEditor.Keys(data.GetValue("lender")).FirstOrDefault();
        var borrower = MultiNodeTreePickerEditor.Keys(data.GetValue("borrower")).FirstOrDefault();
        var stopNodes = await db.Nodes.AsNoTracking().Where(n => terms.Stops.Contains(n.Key) && !n.Trashed).ToListAsync(ct);
        var stopData = await DraftsAsync(stopNodes.Select(s => s.Id), ct);
        var venues = stopNodes.ToDictionary(s => s.Key, s => MultiNodeTreePickerEditor.Keys(stopData[s.Id].GetValue("venue")).FirstOrDefault());
        var names = await NamesAsync(terms.Objects.Concat(venues.Values).Concat(stopNodes.Select(s => s.Key)).Append(lender).Append(borrower).Append(loan.Key), language, ct);

        var objectNodes = await db.Nodes.AsNoTracking().Where(n => terms.Objects.Contains(n.Key) && !n.Trashed).ToListAsync(ct);
        var objectData = await DraftsAsync(objectNodes.Select(n => n.Id), ct);
        var objects = objectNodes.ToDictionary(n => n.Key, n =>
        {
            var values = objectData[n.Id];
            return new SheetObject(n.Key, names.GetValueOrDefault(n.Key, n.Key.ToString()), values.GetValue(ArchiveAliases.AccessionNumber), Text(values, "dimensions", language),
                DropDownEditor.Choices(values.GetValue("condition")).FirstOrDefault(), names.GetValueOrDefault(lender), names.GetValueOrDefault(loan.Key), terms.State,
                null, Number(values.GetValue("insuranceValue")), terms.IsInForce, values.GetValue(ArchiveAliases.PrivateRecord) != "1");
        });
        await WithLedgerAsync(objects, language, ct);

        // Who may read it beyond the registrars: the people of the lending or borrowing institution, or of a collection
        // an object of the loan belongs to.
        var parties = await db.Nodes.AsNoTracking().Where(n => n.Key == lender || n.Key == borrower).Select(n => n.Path).ToListAsync(ct);
        var partyIds = parties.Concat(objectNodes.Select(n => n.Path)).SelectMany(p => p.Split(',').Select(long.Parse)).Distinct().ToList();
        var partyPath = await db.Nodes.AsNoTracking().Where(n => partyIds.Contains(n.Id)).Select(n => n.Key).ToListAsync(ct);
        return new LoanSheet(loan.Key, names.GetValueOrDefault(loan.Key, ""), terms.State, lender == Guid.Empty ? null : names.GetValueOrDefault(lender),
            borrower == Guid.Empty ? null : names.GetValueOrDefault(borrower), terms.Start, terms.End, Text(data, "purpose", language), Text(data, "creditLine", language),
            int.TryParse(data.GetValue("maxImageSize"), out var size) && size > 0 ? size : null, ArchiveAliases.IsTrue(data.GetValue("noPhotography") ?? ""),
            Text(data, "internalConditions", language), Number(data.GetValue("insuranceValue")), Text(data, "courier", language), Text(data, "renewals", language),
            stopNodes.Select(s => new LoanStop(names.GetValueOrDefault(s.Key, ""), venues[s.Key] == Guid.Empty ? null : names.GetValueOrDefault(venues[s.Key]),
                ExhibitionDays.Day(stopData[s.Id].GetValue("openingDate")), ExhibitionDays.Day(stopData[s.Id].GetValue("closingDate")))).OrderBy(s => s.Opening).ToList(),
            terms.Objects.Where(objects.ContainsKey).Select(k => objects[k]).ToList(), partyPath);
    }

    private static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
}
