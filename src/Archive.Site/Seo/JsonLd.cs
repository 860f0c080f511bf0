using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Site.Links;
using Archive.Site.Views;

namespace Archive.Site.Seo;

/// schema.org descriptions of pages, as JSON-LD: an object is a VisualArtwork, a museum a Museum, an exhibition and
/// its stops ExhibitionEvents, a place or venue a Place with its coordinates, a person a Person, a story an Article,
/// anything else a CreativeWork. Read from the page's model, so only what the page shows is described.
public static class JsonLd
{
    /// JSON inside a script element: every letter as it is (pages stay small in any script), markup characters escaped.
    public static readonly JsonSerializerOptions ScriptSafe = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private static JsonSerializerOptions Options => ScriptSafe;

    public static string Of(SiteContext context, ItemPageModel model)
    {
        var item = model.Item;
        var page = model.Page;
        var type = item.Type switch
        {
            SiteTypes.Artefact => "VisualArtwork",
            SiteTypes.Institution => "Museum",
            SiteTypes.Exhibition or SiteTypes.ExhibitionStop => "ExhibitionEvent",
            SiteTypes.Venue => "Place",
            SiteTypes.Term when item.Value("location") is not null => "Place",
            SiteTypes.Person => "Person",
            SiteTypes.Story => "Article",
            _ => "CreativeWork",
        };
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = type,
            ["@id"] = page.Absolute(SiteLinks.PermanentUrlOf(item.Key, context.Culture)),
            ["url"] = page.Absolute(page.Canonical),
            ["name"] = item.Name.Text,
        };
        if (type is not ("Place" or "Person" or "Museum"))
            json["inLanguage"] = item.LangOf(item.ContentCulture) ?? context.Culture.Lang;
        if (page.Description is { Length: > 0 } description)
            json["description"] = description;
        var images = model.Figures.Select(f => (JsonNode)page.Absolute(f.Src)).ToArray();
        if (images.Length > 0)
            json["image"] = new JsonArray(images);
        switch (type)
        {
            case "VisualArtwork":
                Artwork(json, context, model);
                break;
            case "ExhibitionEvent":
                Event(json, context, model);
                break;
            case "Museum" or "Place":
                Place(json, item);
                break;
        }
        return json.ToJsonString(Options);
    }

    /// The site itself, with its search (so a search engine can offer the archive's own search box).
    public static string Site(SiteContext context, SitePage page) => new JsonObject
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "WebSite",
        ["name"] = page.T("site.name").Text,
        ["url"] = page.Absolute($"/{context.Culture.Prefix}/"),
        ["inLanguage"] = context.Culture.Lang,
        ["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = page.Absolute($"/{context.Culture.Prefix}/search?q={{search_term_string}}"),
            ["query-input"] = "required name=search_term_string",
        },
    }.ToJsonString(Options);

    private static void Artwork(JsonObject json, SiteContext context, ItemPageModel model)
    {
        var item = model.Item;
        if (item.Text("accessionNumber") is { } accession)
            json["identifier"] = accession.Text;
        var makers = item.Picked("maker").Select(p => (JsonNode)Named("Person", context, p)).ToArray();
        if (makers.Length > 0)
            json["creator"] = new JsonArray(makers);
        if (item.Value("dating") is { Value.ValueKind: JsonValueKind.Object } dating)
        {
            if (dating.Value.TryGetProperty("earliest", out var earliest) && dating.Value.TryGetProperty("latest", out var latest) && earliest.TryGetInt32(out var from) && latest.TryGetInt32(out var to))
                json["dateCreated"] = from == to ? from.ToString("D4") : $"{from:D4}/{to:D4}";
            if (dating.Value.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } written)
                json["temporalCoverage"] = written;
        }
        var materials = item.Picked("materials").Select(m => (JsonNode)context.NameOf(m).Text).ToArray();
        if (materials.Length > 0)
            json["material"] = new JsonArray(materials);
        var places = item.Picked("placeOfOrigin").Select(p => (JsonNode)Named("Place", context, p)).ToArray();
        if (places.Length > 0)
            json["locationCreated"] = new JsonArray(places);
        if (item.Node.ParentKey != Guid.Empty && context.Cache.Find(item.Node.ParentKey) is { } parent)
            json["isPartOf"] = Named("Collection", context, parent);
        if (item.Text("creditLine") is { } credit)
            json["creditText"] = credit.Text;
        if (item.Value("rightsStatement") is { Value.ValueKind: JsonValueKind.String } rights && Uri.IsWellFormedUriString(rights.Value.GetString(), UriKind.Absolute))
            json["license"] = rights.Value.GetString();
    }

    private static void Event(JsonObject json, SiteContext context, ItemPageModel model)
    {
        var stops = Archive.Delivery.Exhibitions.ExhibitionStops.All(context.Cache)
            .Where(s => s.Node.Key == model.Item.Key || s.Node.ParentKey == model.Item.Key).OrderBy(s => s.Opening).ToList();
        if (stops.Count == 0)
            return;
        json["startDate"] = stops[0].Opening.ToString("yyyy-MM-dd");
        if (stops.All(s => s.Closing is not null))
            json["endDate"] = stops.Max(s => s.Closing!.Value).ToString("yyyy-MM-dd");
        json["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
        var venues = stops.Select(s => s.Venue).OfType<PublishedNode>().DistinctBy(v => v.Key).Select(v =>
        {
            var place = Named("Place", context, v);
            if (context.View(v) is { } venue)
                Place(place, venue);
            return (JsonNode)place;
        }).ToArray();
        if (venues.Length > 0)
            json["location"] = venues.Length == 1 ? venues[0] : new JsonArray(venues);
    }

    private static void Place(JsonObject json, ItemView item)
    {
        if (item.Value("location") is { Value.ValueKind: JsonValueKind.Object } at && at.Value.TryGetProperty("latitude", out var latitude) && at.Value.TryGetProperty("longitude", out var longitude))
            json["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = latitude.GetDouble(), ["longitude"] = longitude.GetDouble() };
        if (item.Text("address") is { } address)
            json["address"] = address.Text;
        if (item.Text("formerNames") is { } former)
            json["alternateName"] = new JsonArray([.. former.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => (JsonNode)n)]);
    }

    private static JsonObject Named(string type, SiteContext context, PublishedNode node)
    {
        var named = new JsonObject { ["@type"] = type, ["name"] = context.NameOf(node).Text };
        if (context.UrlOf(node) is { } url)
            named["url"] = context.BaseUrl + url;
        return named;
    }
}
