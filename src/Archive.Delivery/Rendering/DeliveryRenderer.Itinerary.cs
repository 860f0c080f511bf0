using System.Globalization;
using System.Text.Json;
using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;

namespace Archive.Delivery.Rendering;

public sealed partial class DeliveryRenderer
{
    public const string ItineraryAlias = "itinerary", LoanCreditLineAlias = "loanCreditLine", CurrentLocationAlias = "currentLocation", InTransitAlias = "inTransit",
        NoPhotographyAlias = "noPhotography";

    /// An object's current location from the movement ledger: the nearest place the public may see (a store room is
    /// never named; the museum it belongs to is), or that it is on its way.
    private void WriteWhereabouts(Utf8JsonWriter w, PublishedNode item, string culture, PropertySpec fields)
    {
        if (item.Whereabouts is not { } whereabouts)
            return;
        if (whereabouts.InTransit)
        {
            if (fields.Names(InTransitAlias))
                w.WriteBoolean(InTransitAlias, true);
            return;
        }
        if (!fields.Names(CurrentLocationAlias))
            return;
        foreach (var key in whereabouts.Places)
            if (cache.Find(key) is { } place && cache.IsVisible(place, culture) && place.CultureOf(culture) is { } named)
            {
                w.WriteString(CurrentLocationAlias, named.Name);
                return;
            }
    }

    /// An exhibition's itinerary among its properties: its published stops in date order, each with its dates (the
    /// closing day on view) and venue, so a client shows "Astana, 1 March – 31 May" without a request per stop.
    private void WriteItinerary(Utf8JsonWriter w, PublishedNode exhibition, string culture)
    {
        w.WritePropertyName(ItineraryAlias);
        w.WriteStartArray();
        var stops = cache.ChildrenOf(exhibition.Key).Where(c => c.ContentTypeAlias == ExhibitionStops.StopType && cache.IsVisible(c, culture))
            .Select(c => ExhibitionStops.Of(cache, c)).OfType<ScheduledStop>().OrderBy(s => s.Opening);
        foreach (var stop in stops)
        {
            w.WriteStartObject();
            w.WriteString("id", stop.Node.Key);
            w.WriteString("name", stop.Node.CultureOf(culture)!.Name);
            w.WriteString("openingDate", stop.Opening.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (stop.Closing is { } closing)
                w.WriteString("closingDate", closing.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (stop.Venue is { } venue && cache.IsVisible(venue, culture))
            {
                w.WritePropertyName("venue");
                w.WriteStartObject();
                w.WriteString("id", venue.Key);
                w.WriteString("name", venue.CultureOf(culture)!.Name);
                if (cache.RouteOf(venue, culture) is { } route)
                {
                    w.WritePropertyName("route");
                    WriteRoute(w, route);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
