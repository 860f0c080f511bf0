using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Delivery.Exhibitions;
using Archive.Engine.Content;
using static Archive.Delivery.Exhibitions.ExhibitionStops;

namespace Archive.Delivery.Geo;

/// What a map asks for: kinds (none: every kind), one exhibition's stops, what is on view on a day.
public sealed record GeoQuery(IReadOnlySet<string> Kinds, Guid? Exhibition, DateOnly? OnView);

/// The public places of the archive as GeoJSON (RFC 7946: `[longitude, latitude]`): venues, museums, Houses of
/// Friendship, exhibition stops (at their venue, with their dates) and tourist routes (LineStrings through their
/// stops, in order). Built from the published cache alone, so nothing private — a draft, a private record, a
/// sensitive field, an association's own premises — can reach a map; a route keeps only its public stops.
public static class GeoFeatures
{
    public const string Venue = "venue", Museum = "museum", HouseOfFriendship = "houseOfFriendship", Stop = "stop", Route = "route";

    public static readonly IReadOnlyList<string> Kinds = [Venue, Museum, HouseOfFriendship, Stop, Route];

    private const string FriendshipKind = "House of Friendship";

    public static JsonObject Collection(PublishedCache cache, string culture, GeoQuery query)
    {
        bool Visible(PublishedNode? node) => node is not null && cache.IsVisible(node, culture);
        var stops = ExhibitionStops.All(cache)
            .Where(s => Visible(s.Node) && Visible(s.Venue) && Point(s.Venue!) is not null)
            .Where(s => query.Exhibition is null || s.Node.ParentKey == query.Exhibition)
            .Where(s => query.OnView is not { } day || s.IsOpenOn(day))
            .ToList();
        var narrowed = query.Exhibition is not null || query.OnView is not null;
        // Narrowed to an exhibition or a day, places are those its stops are at.
        var hosts = stops.Select(s => s.Venue!.Key).ToHashSet();
        var features = new JsonArray();
        bool Wanted(string kind) => query.Kinds.Count == 0 || query.Kinds.Contains(kind);
        foreach (var node in cache.OfType("institution").Concat(cache.OfType("venue")).Where(Visible).OrderBy(n => n.Level).ThenBy(n => n.SortOrder))
            if (KindOf(node) is { } kind && Wanted(kind) && (!narrowed || hosts.Contains(node.Key)) && PlaceFeature(cache, node, kind, culture) is { } place)
                features.Add(place);
        if (Wanted(Stop))
            foreach (var stop in stops.OrderBy(s => s.Opening))
                features.Add(StopFeature(cache, stop, culture));
        if (Wanted(Route) && !narrowed)
            foreach (var node in cache.OfType("route").Where(Visible).OrderBy(n => n.SortOrder))
                if (RouteFeature(cache, node, culture) is { } route)
                    features.Add(route);
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    /// What a published item is on a map, if anything: a private collection's premises are not shown.
    public static string? KindOf(PublishedNode node) => node.ContentTypeAlias switch
    {
        "venue" => Archive.Engine.Editors.DropDownEditor.Choices(Data(node).GetValue("venueKind")).Contains(FriendshipKind) ? HouseOfFriendship : Venue,
        "institution" => Archive.Engine.Editors.DropDownEditor.Choices(Data(node).GetValue("institutionKind")) switch
        {
            var kinds when kinds.Contains(FriendshipKind) => HouseOfFriendship,
            var kinds when kinds.Any(k => k.Contains("museum", StringComparison.OrdinalIgnoreCase)) => Museum,
            _ => null,
        },
        "exhibitionStop" => Stop,
        "route" => Route,
        _ => null,
    };

    private static JsonObject? PlaceFeature(PublishedCache cache, PublishedNode node, string kind, string culture)
    {
        if (Point(node) is not { } point)
            return null;
        var data = Data(node);
        var properties = Properties(node, kind, culture);
        foreach (var alias in new[] { "city", "address", "openingHours" })
            if (Text(data, alias, culture) is { } text)
                properties[alias] = text;
        if (Picked(data.GetValue("locality")).Select(cache.Find).FirstOrDefault(p => p is not null) is { } place && cache.IsVisible(place, culture))
            properties["place"] = Reference(place, culture);
        return Feature(node, point, properties);
    }

    private static JsonObject StopFeature(PublishedCache cache, ScheduledStop stop, string culture)
    {
        var properties = Properties(stop.Node, Stop, culture);
        properties["openingDate"] = stop.Opening.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (stop.Closing is { } closing)
            properties["closingDate"] = closing.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (stop.Exhibition is { } exhibition && cache.IsVisible(exhibition, culture))
            properties["exhibition"] = Reference(exhibition, culture);
        var venue = stop.Venue!;
        properties["venue"] = Reference(venue, culture);
        if (Text(Data(venue), "city", culture) is { } city)
            properties["city"] = city;
        // The exhibition's own hours at this stop, else the venue's.
        if ((Text(Data(stop.Node), "openingHours", culture) ?? Text(Data(venue), "openingHours", culture)) is { } hours)
            properties["openingHours"] = hours;
        return Feature(stop.Node, Point(venue)!.Value, properties);
    }

    private static JsonObject? RouteFeature(PublishedCache cache, PublishedNode node, string culture)
    {
        var data = Data(node);
        // Only public stops with a place on the map: a private or unpublished one is left out, never drawn.
        var stops = Picked(data.GetValue("stops")).Select(cache.Find).OfType<PublishedNode>()
            .Where(s => cache.IsVisible(s, culture) && KindOf(s) is not null && Point(s) is not null).ToList();
        if (stops.Count < 2)
            return null;
        var properties = Properties(node, Route, culture);
        if (Text(data, "description", culture) is { } description)
            properties["description"] = description;
        properties["stops"] = new JsonArray(stops.Select(s =>
        {
            var reference = Reference(s, culture);
            reference["kind"] = KindOf(s);
            return (JsonNode)reference;
        }).ToArray());
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = node.Key.ToString(),
            ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(stops.Select(s => (JsonNode)Position(Point(s)!.Value)).ToArray()) },
            ["properties"] = properties,
        };
    }

    private static JsonObject Properties(PublishedNode node, string kind, string culture) => new()
    {
        ["kind"] = kind,
        ["name"] = node.CultureOf(culture)!.Name,
        ["contentType"] = node.ContentTypeAlias,
    };

    private static JsonObject Reference(PublishedNode node, string culture) => new() { ["id"] = node.Key.ToString(), ["name"] = node.CultureOf(culture)!.Name };

    private static JsonObject Feature(PublishedNode node, (double Latitude, double Longitude) point, JsonObject properties) => new()
    {
        ["type"] = "Feature",
        ["id"] = node.Key.ToString(),
        ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = Position(point) },
        ["properties"] = properties,
    };

    // RFC 7946 §3.1.1: longitude first.
    private static JsonArray Position((double Latitude, double Longitude) point) => [point.Longitude, point.Latitude];

    private static string? Text(ContentData data, string alias, string culture) =>
        (data.GetValue(alias, culture) ?? data.GetValue(alias)) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// A GeoPoint value: {"latitude", "longitude"} within range.
    public static (double Latitude, double Longitude)? Point(PublishedNode node)
    {
        if (Data(node).GetValue("location") is not { Length: > 0 } json)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("latitude", out var lat) && root.TryGetProperty("longitude", out var lon)
                && lat.TryGetDouble(out var latitude) && lon.TryGetDouble(out var longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180)
                return (latitude, longitude);
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
