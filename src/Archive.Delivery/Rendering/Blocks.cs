using System.Text.Json.Nodes;
using Archive.Engine.Content;

namespace Archive.Delivery.Rendering;

/// A block editor value (list, grid or rich text blocks), in the v14+ shape (`contentKey`, `values`)
/// or the older one (`contentUdi`, properties inline).
internal sealed class Blocks
{
    private readonly Dictionary<Guid, JsonObject> _content;
    private readonly Dictionary<Guid, JsonObject> _settings;

    private Blocks(Dictionary<Guid, JsonObject> content, Dictionary<Guid, JsonObject> settings) => (_content, _settings) = (content, settings);

    public static Blocks Of(JsonObject value) => new(Index(Get(value, "contentData")), Index(Get(value, "settingsData")));

    /// Umbraco writes these keys in either case ("layout" and "Layout") across versions.
    private static JsonNode? Get(JsonObject value, string name) =>
        value.TryGetPropertyValue(name, out var exact) ? exact : value.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static IEnumerable<JsonObject> Layout(JsonObject value, string alias)
    {
        var layout = Get(value, "layout") as JsonObject;
        var items = layout?.FirstOrDefault(p => string.Equals(p.Key, alias, StringComparison.OrdinalIgnoreCase)).Value as JsonArray
            ?? layout?.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault();
        return (items ?? []).OfType<JsonObject>();
    }

    public JsonObject? Content(JsonObject layout) => Find(_content, layout["contentKey"] ?? layout["contentUdi"]);

    public JsonObject? Settings(JsonObject layout) => Find(_settings, layout["settingsKey"] ?? layout["settingsUdi"]);

    public static Guid? KeyOf(JsonObject element) => ParseKey(element["key"] ?? element["udi"]);

    /// A property value of an element as a stored string (JSON values as their JSON text).
    public static string? ValueOf(JsonObject element, string alias, string? culture)
    {
        JsonNode? value;
        if (element["values"] is JsonArray values)
        {
            var matches = values.OfType<JsonObject>().Where(v => v["alias"]?.ToString() == alias).ToList();
            value = (matches.FirstOrDefault(v => culture is not null && string.Equals(v["culture"]?.ToString(), culture, StringComparison.OrdinalIgnoreCase))
                     ?? matches.FirstOrDefault(v => v["culture"] is null))?["value"];
        }
        else
            value = element[alias];
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    private static Dictionary<Guid, JsonObject> Index(JsonNode? data)
    {
        var index = new Dictionary<Guid, JsonObject>();
        foreach (var element in (data as JsonArray ?? []).OfType<JsonObject>())
            if (KeyOf(element) is { } key)
                index[key] = element;
        return index;
    }

    private static JsonObject? Find(Dictionary<Guid, JsonObject> index, JsonNode? reference) =>
        ParseKey(reference) is { } key ? index.GetValueOrDefault(key) : null;

    private static Guid? ParseKey(JsonNode? node)
    {
        var text = node?.ToString();
        if (Guid.TryParse(text, out var key))
            return key;
        return Udi.TryParse(text, out var udi) ? udi.Value.Key : null;
    }
}
