using Archive.Delivery.Cache;
using Archive.Engine.Exhibitions;

namespace Archive.Delivery.Exhibitions;

/// A published loan as the public channels need it: its agreement state, objects, the stops it covers (or, naming
/// none, its period) and its credit line. Its insurance value, internal conditions and courier are sensitive and
/// never reach the published cache.
public sealed record PublishedLoan(PublishedNode Node, LoanTerms Terms, int? MaxImageSize, bool NoPhotography, bool NoZoom = false)
{
    public bool IsInForce => Terms.IsInForce;

    public bool Covers(ScheduledStop stop) => Terms.Covers(stop.Booking);
}

public static class PublishedLoans
{
    public const string LoanType = "loan";

    /// The published loans that list an object (they reference it, so they are among its referrers).
    public static IReadOnlyList<PublishedLoan> Of(PublishedCache cache, Guid artefact) =>
        cache.ReferrersOf(artefact).Select(cache.Find).OfType<PublishedNode>().Where(n => n.ContentTypeAlias == LoanType)
            .Select(Read).Where(l => l.Terms.Objects.Contains(artefact)).ToList();

    public static PublishedLoan Read(PublishedNode loan)
    {
        var data = ExhibitionStops.Data(loan);
        return new PublishedLoan(loan, LoanTermsOf.Read(loan.Key, loan.Cultures.Values.FirstOrDefault()?.Name ?? "", data),
            int.TryParse(data.GetValue("maxImageSize"), out var size) && size > 0 ? size : null, Archive.Engine.Publishing.ArchiveAliases.IsTrue(data.GetValue("noPhotography")),
            Archive.Engine.Publishing.ArchiveAliases.IsTrue(data.GetValue("noZoom")));
    }

    /// The credit line of the loan in force under which an object is lent, in a culture (none: not on loan).
    public static string? CreditLine(PublishedCache cache, Guid artefact, string culture) => CreditLine(Of(cache, artefact), culture);

    /// The same from the object's loans already read.
    public static string? CreditLine(IReadOnlyList<PublishedLoan> loans, string culture) =>
        loans.Where(l => l.IsInForce).OrderBy(l => l.Terms.Start ?? DateOnly.MinValue)
            .Select(l => ExhibitionStops.Data(l.Node) is var data ? (data.GetValue("creditLine", culture) ?? data.GetValue("creditLine")) : null)
            .FirstOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim();

    /// Whether a loan in force forbids photographing the object where it is shown (kiosks and labels say so).
    public static bool NoPhotography(IReadOnlyList<PublishedLoan> loans) => loans.Any(l => l.IsInForce && l.NoPhotography);

    /// The largest size at which a media item may be shown: the smallest display condition of the loans in force
    /// for the objects that show it (null: no condition).
    public static int? MaxImageSize(PublishedCache cache, Guid media) =>
        cache.ReferrersOf(media).Select(cache.Find).OfType<PublishedNode>().Where(n => n.ContentTypeAlias == Archive.Engine.Publishing.ArchiveAliases.Artefact)
            .SelectMany(a => Of(cache, a.Key)).Where(l => l.IsInForce && l.MaxImageSize is not null).Select(l => l.MaxImageSize).Min();
}
