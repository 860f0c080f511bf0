using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Engine.Schema;

namespace Archive.Engine.Editors;

/// One problem with a value, with a JSON path relative to the value ("" for the value itself).
public sealed record EditorError(string Path, string Message);

/// What an editor may need besides the value: its data type's configuration and the schema
/// (block editors validate the element types they hold).
public sealed record EditorContext(JsonObject Config, SchemaSnapshot Schema, PropertyEditors Editors, int Depth = 0)
{
    public const int MaxDepth = 8;
}

/// A property editor, as Umbraco names them: turns the value an editor sends (JSON) into the
/// stored form (the string uSync writes), refusing what is invalid.
public abstract class PropertyEditor
{
    public abstract string Alias { get; }

    /// Converts an incoming value to its stored form; null input or null result clears the value.
    public abstract string? ToStored(JsonNode? value, EditorContext context, List<EditorError> errors);

    /// Problems worth reporting about a value that is stored as it came (an import), without changing it.
    public virtual IEnumerable<string> Inspect(string stored, EditorContext context) => [];

    /// Whether the stored string is JSON (and so is re-indented on export and parsed for delivery).
    public virtual bool StoresJson => false;

    /// The form of a stored value the public may be given: nothing that could run in a browser (markup
    /// sanitised, unsafe links dropped), whatever was imported. Most values are plain data and stay as they are.
    public virtual string? ToPublic(string stored) => stored;

    /// The value as the Management API (Umbraco's back office) reads it when its shape differs from the stored
    /// one; null: the stored value as it is (JSON where it is JSON).
    public virtual System.Text.Json.Nodes.JsonNode? ToManagement(string stored) => null;

    /// The text a search or a regex sees for a stored value.
    public virtual string? TextOf(string stored) => stored;

    /// What filters and sorts on this property compare: strings (exact words, tags, choices), numbers
    /// (double) or dates (DateTime, UTC). Editors whose values are structures compare nothing.
    public virtual IEnumerable<object> ComparableValuesOf(string stored) => [];

    protected static string? AsString(JsonNode? value, List<EditorError> errors, string expected = "a string")
    {
        if (value is null)
            return null;
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
            return s;
        if (value is JsonValue n && n.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            return n.ToJsonString();
        errors.Add(new EditorError("", $"Expected {expected}."));
        return null;
    }

    protected static int? ConfigInt(JsonObject config, params string[] path)
    {
        JsonNode? node = config;
        foreach (var key in path)
            node = node is JsonObject o ? FindKey(o, key) : null;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)v.GetValue<double>() :
            node is JsonValue s && s.TryGetValue<string>(out var text) && int.TryParse(text, out var parsed) ? parsed : null;
    }

    protected static bool ConfigBool(JsonObject config, string key) =>
        FindKey(config, key) is JsonValue v && (v.GetValueKind() == JsonValueKind.True ||
            (v.TryGetValue<string>(out var s) && (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase))) ||
            (v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() != 0));

    /// v14+ configuration keys are camelCase, v9–13 PascalCase: look them up case-insensitively.
    protected static JsonNode? FindKey(JsonObject config, string key) =>
        config.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    protected static readonly JsonSerializerOptions StoredJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    protected static string Serialize(JsonNode node) => node.ToJsonString(StoredJson);

    /// A stored JSON value, or null when it is not JSON.
    protected static JsonNode? ParseStored(string stored)
    {
        try
        {
            return JsonNode.Parse(stored);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// The items of a stored list: a JSON array, or comma-separated text (Umbraco's Csv storage).
    protected static List<string> ListValues(string stored)
    {
        if (!stored.TrimStart().StartsWith('['))
            return stored.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        try
        {
            return (JsonNode.Parse(stored) as JsonArray ?? []).Select(i => i?.ToString() ?? "").Where(v => v.Length > 0).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
