using Archive.Delivery.Cache;
using Archive.Engine.Content;

namespace Archive.Delivery.Exhibitions;

/// A published exhibition stop as a schedule: where (its venue), when (opening and closing days, the closing day
/// on view) and what (its own checklist, or the exhibition's objects where the stop has none), and of that what is
/// on view: the organiser's own objects, and the others while a signed or active loan covers the stop.
public sealed record ScheduledStop(PublishedNode Node, PublishedNode? Exhibition, PublishedNode? Venue, DateOnly Opening, DateOnly? Closing, IReadOnlyList<Guid> Objects,
    IReadOnlyList<Guid> OnView)
{
    public bool IsOpenOn(DateOnly day) => Opening <= day && (Closing is not { } closing || day <= closing);

    public Archive.Engine.Exhibitions.StopBooking Booking => new(Node.Key, Node.Cultures.Values.FirstOrDefault()?.Name ?? "", Opening, Closing, Objects);
}

/// Reads the exhibition stops of the published cache: what the map, the on-view filters and kiosks share.
public static class ExhibitionStops
{
    public const string StopType = "exhibitionStop";

    /// Every published stop that has an opening date.
    public static IReadOnlyList<ScheduledStop> All(PublishedCache cache) => cache.OfType(StopType).Select(s => Of(cache, s)).OfType<ScheduledStop>().ToList();

    public static ScheduledStop? Of(PublishedCache cache, PublishedNode stop)
    {
        var data = Data(stop);
        if (Day(data.GetValue("openingDate")) is not { } opening)
            return null;
        var exhibition = cache.Find(stop.ParentKey);
        var objects = Archive.Engine.Exhibitions.LoanTermsOf.Checklist(data, exhibition is null ? null : Data(exhibition));
        var venue = Picked(data.GetValue("venue")).Select(cache.Find).FirstOrDefault(v => v is not null);
        var scheduled = new ScheduledStop(stop, exhibition, venue, opening, Day(data.GetValue("closingDate")), objects, []);
        return scheduled with { OnView = objects.Where(o => IsShown(cache, scheduled, o)).ToList() };
    }

    /// An object of the checklist is shown at the stop when it is public and is the organiser's own, or a signed or
    /// active loan lists it and covers the stop. An exhibition that names no organiser shows its checklist as it is.
    private static bool IsShown(PublishedCache cache, ScheduledStop stop, Guid key) =>
        cache.Find(key) is { } item && (IsOrganisers(stop, item) || PublishedLoans.Of(cache, key).Any(l => l.IsInForce && l.Covers(stop)));

    /// Whether an object is shown at the stop on its own, needing no loan: the exhibition's organiser holds it, or the
    /// exhibition names no organiser.
    public static bool IsOrganisers(ScheduledStop stop, PublishedNode item)
    {
        var organiser = stop.Exhibition is null ? Guid.Empty : Picked(Data(stop.Exhibition).GetValue("organiser")).FirstOrDefault();
        return organiser == Guid.Empty || item.AncestorKeys.Contains(organiser);
    }

    public static ContentData Data(PublishedNode node) => ContentData.FromJson(System.Text.Encoding.UTF8.GetString(node.Data));

    /// The keys a picker's value names ("umb://document/…" UDIs, comma-separated).
    public static IReadOnlyList<Guid> Picked(string? value) => Archive.Engine.Editors.MultiNodeTreePickerEditor.Keys(value);

    public static DateOnly? Day(string? value) => Archive.Engine.Exhibitions.ExhibitionDays.Day(value);

}
