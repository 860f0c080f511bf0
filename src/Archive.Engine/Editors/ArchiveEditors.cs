using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Engine.Dating;

namespace Archive.Engine.Editors;

/// Historical dating: the curator's text kept as written, with the span of years it stands for.
/// Stored as {"text": "c. 1840", "earliest": 1835, "latest": 1845}.
public sealed class HistoricalDatingEditor : PropertyEditor
{
    public const string EditorAlias = "Archive.HistoricalDating";

    public override string Alias => EditorAlias;

    public override bool StoresJson => true;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var text = value is JsonObject o ? o["text"]?.ToString() : AsString(value, errors, "a dating text such as \"c. 1840\"");
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var date = HistoricalDateParser.Parse(text);
        if (date is null)
        {
            errors.Add(new EditorError("", $"'{text}' is not a dating the archive understands (e.g. \"c. 1840\", \"1850s\", \"late 19th century\", \"конец XIX века\", \"1840–1850\")."));
            return null;
        }
        return Serialize(new JsonObject { ["text"] = date.Text, ["earliest"] = date.Earliest, ["latest"] = date.Latest });
    }

    public override string? TextOf(string stored) => Read(stored)?.Text;

    public static HistoricalDate? Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
            return null;
        if (!stored.TrimStart().StartsWith('{'))
            return HistoricalDateParser.Parse(stored);
        try
        {
            var node = JsonNode.Parse(stored);
            var text = node?["text"]?.ToString() ?? "";
            return node?["earliest"] is JsonValue e && node["latest"] is JsonValue l
                ? new HistoricalDate(text, e.GetValue<int>(), l.GetValue<int>())
                : HistoricalDateParser.Parse(text);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// A place's former names in one language, one per line with its period ("Алма-Ата (1921–1993)"), checked and
/// written the one way; search reads every name.
public sealed class PlaceNamesEditor : PropertyEditor
{
    public const string EditorAlias = "Archive.PlaceNames";

    public override string Alias => EditorAlias;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        var text = AsString(value, errors, "former names, one per line, each with its period");
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var (names, problems) = Places.PlaceNameHistory.Parse(text);
        errors.AddRange(problems.Select(p => new EditorError("", p)));
        return problems.Count > 0 ? null : Places.PlaceNameHistory.Format(names);
    }

    public override string? TextOf(string stored) => string.Join("\n", Places.PlaceNameHistory.Parse(stored).Names.Select(n => n.Name));
}

/// A point on the map, stored as {"latitude": 43.2389, "longitude": 76.8897}.
public sealed class GeoPointEditor : PropertyEditor
{
    public const string EditorAlias = "Archive.GeoPoint";

    public override string Alias => EditorAlias;

    public override bool StoresJson => true;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors)
    {
        if (value is null)
            return null;
        if (value is not JsonObject point)
        {
            errors.Add(new EditorError("", "Expected an object with latitude and longitude."));
            return null;
        }
        var latitude = Number(point["latitude"] ?? point["lat"]);
        var longitude = Number(point["longitude"] ?? point["lng"] ?? point["lon"]);
        if (latitude is not (>= -90 and <= 90))
            errors.Add(new EditorError("latitude", "Latitude must be a number between -90 and 90."));
        if (longitude is not (>= -180 and <= 180))
            errors.Add(new EditorError("longitude", "Longitude must be a number between -180 and 180."));
        return latitude is null || longitude is null ? null
            : Serialize(new JsonObject { ["latitude"] = Math.Round(latitude.Value, 6), ["longitude"] = Math.Round(longitude.Value, 6) });
    }

    public override string? TextOf(string stored) => null;

    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue s when s.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}

/// An editor the engine does not know: the value is kept as it came (raw JSON) and round-trips unchanged.
public sealed class UnknownEditor(string alias) : PropertyEditor
{
    public override string Alias => alias;

    public override string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Serialize(value),
    };

    public override string? TextOf(string stored) => stored.TrimStart().StartsWith('{') || stored.TrimStart().StartsWith('[') ? null : stored;
}
