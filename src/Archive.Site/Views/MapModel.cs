using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Delivery.Geo;
using Archive.Site.Texts;

namespace Archive.Site.Views;

/// A place of the map's list: its name, page and kind.
public sealed record MapPlace(Guid Key, Localized Name, string? Url, string Kind, Localized? Detail);

/// A map and the list of its places: the GeoJSON the Delivery API's geo endpoint gives, carried by the page.
public sealed record MapModel(string Id, string GeoJson, IReadOnlyList<MapPlace> Places, Localized Label, string? Tiles, string? Attribution, int MaxZoom)
{
    /// The public places in the page's language (each read in the first culture of the chain that has it), narrowed.
    public static MapModel? Of(SiteContext context, string id, Localized label, GeoQuery query, Func<JsonObject, bool>? keep = null)
    {
        var features = new Dictionary<string, (JsonObject Feature, string Culture)>();
        foreach (var culture in context.Culture.ContentChain)
            foreach (var feature in GeoFeatures.Collection(context.Cache, culture, query)["features"]!.AsArray().OfType<JsonObject>())
                if (feature["id"]?.GetValue<string>() is { } key && !features.ContainsKey(key) && (keep is null || keep(feature)))
                    features[key] = (feature.DeepClone().AsObject(), culture);
        if (features.Count == 0)
            return null;
        var places = features.Values.Select(f =>
        {
            var key = Guid.Parse(f.Feature["id"]!.GetValue<string>());
            var node = context.Cache.Find(key);
            var kind = f.Feature["properties"]?["kind"]?.GetValue<string>() ?? "";
            Localized? detail = kind == GeoFeatures.Stop && f.Feature["properties"]?["openingDate"]?.GetValue<string>() is { } opening
                ? new Localized($"{opening} – {f.Feature["properties"]?["closingDate"]?.GetValue<string>()}", null)
                : f.Feature["properties"]?["city"]?.GetValue<string>() is { } city ? new Localized(city, context.Culture.Speaks(f.Culture) ? null : f.Culture) : null;
            return new MapPlace(key, node is null ? new Localized(f.Feature["properties"]?["name"]?.GetValue<string>() ?? "", null) : context.NameOf(node), context.UrlOf(node), kind, detail);
        }).ToList();
        var collection = new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features.Values.Select(f => (JsonNode)f.Feature)]) };
        var tiles = context.Services.Options.MapTiles;
        return new MapModel(id, collection.ToJsonString(Seo.JsonLd.ScriptSafe), places, label, tiles.Url, tiles.Attribution, tiles.MaxZoom);
    }
}
