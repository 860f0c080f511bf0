using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archive.Engine.Content;

/// What one version of a node holds: names, URL segments and property values, each keyed by culture.
/// The invariant culture is the empty key "". Values are kept in their stored form (as Umbraco stores
/// them, and as uSync writes them), so the document is one JSON object per version.
public sealed class ContentData
{
    public const string Invariant = "";

    [JsonPropertyName("names")]
    public SortedDictionary<string, string> Names { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    [JsonPropertyName("segments")]
    public SortedDictionary<string, string> Segments { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// alias → culture → stored value.
    [JsonPropertyName("values")]
    public SortedDictionary<string, SortedDictionary<string, string>> Values { get; init; } = new(StringComparer.Ordinal);

    public string? GetValue(string alias, string culture = Invariant) =>
        Values.TryGetValue(alias, out var byCulture) && byCulture.TryGetValue(culture, out var value) ? value : null;

    public void SetValue(string alias, string culture, string? value)
    {
        if (!Values.TryGetValue(alias, out var byCulture))
            Values[alias] = byCulture = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value is null)
            byCulture.Remove(culture);
        else
            byCulture[culture] = value;
    }

    public string? NameFor(string culture) =>
        Names.TryGetValue(culture, out var name) ? name : Names.GetValueOrDefault(Invariant);

    public ContentData Clone() => FromJson(ToJson());

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static ContentData FromJson(string json)
    {
        var data = JsonSerializer.Deserialize<ContentData>(json, Options) ?? new ContentData();
        // Deserialisation builds default comparers; restore the case-insensitive culture keys.
        var result = new ContentData();
        foreach (var (k, v) in data.Names) result.Names[k] = v;
        foreach (var (k, v) in data.Segments) result.Segments[k] = v;
        foreach (var (alias, byCulture) in data.Values)
            foreach (var (culture, value) in byCulture)
                result.SetValue(alias, culture, value);
        return result;
    }
}
