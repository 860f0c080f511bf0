using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;

namespace Archive.Spreadsheets.Mapping;

/// Where one column goes: a property (or `name`, the record's name) and, for a property that varies by language, the
/// culture; several values in one cell are split by the separator (pickers, tags, images).
public sealed record ColumnTarget(string Property, string? Culture = null, string? Separator = null);

/// A file's columns mapped to the archive's properties and cultures. Saved per collection as JSON, so the next file of
/// the same shape needs no mapping at all:
/// `{"columns": {"title_kk": {"property": "name", "culture": "kk"}, "Материал": {"property": "materials"}, "notes": null}}`
/// (null: the column is left out).
public sealed record ColumnMapping(IReadOnlyDictionary<string, ColumnTarget?> Columns)
{
    public const string NameProperty = "name";
    public const string DefaultSeparator = ";";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(new Stored(Columns.ToDictionary(c => c.Key, c => c.Value)), Json);

    /// The mapping a JSON document states, or why it cannot be read.
    public static ColumnMapping Parse(string json)
    {
        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The mapping is not valid JSON: {ex.Message}");
        }
        if (stored?.Columns is null)
            throw new FormatException("The mapping needs \"columns\": an object from column headers to {\"property\", \"culture\"} (or null).");
        foreach (var (column, target) in stored.Columns)
            if (target is not null && string.IsNullOrWhiteSpace(target.Property))
                throw new FormatException($"The mapping of column '{column}' names no property.");
        return new ColumnMapping(stored.Columns);
    }

    /// The mapping read from the headers alone: a header naming a property (`accessionNumber`, `materials`), the
    /// record's name (`name`, `title`), or either followed by a culture (`title_kk`, `description-ru`, `name (en)`); a
    /// header may also be the property's label in any language the dictionary has (`Материалы`). Headers that match
    /// nothing are left out (and reported).
    public static ColumnMapping FromHeaders(IEnumerable<string> headers, SchemaSnapshot schema, ContentType type)
    {
        var columns = new Dictionary<string, ColumnTarget?>(StringComparer.Ordinal);
        foreach (var header in headers.Where(h => h.Length > 0))
            columns[header] = Guess(header, schema, type);
        return new ColumnMapping(columns);
    }

    private static ColumnTarget? Guess(string header, SchemaSnapshot schema, ContentType type)
    {
        var (stem, culture) = SplitCulture(header.Trim());
        if (stem.Equals(NameProperty, StringComparison.OrdinalIgnoreCase))
            return new ColumnTarget(NameProperty, culture);
        var properties = schema.PropertiesOf(type);
        var property = properties.FirstOrDefault(p => p.Alias.Equals(stem, StringComparison.OrdinalIgnoreCase))
            ?? properties.FirstOrDefault(p => schema.LabelOf(p).Values.Any(l => l.Equals(stem, StringComparison.OrdinalIgnoreCase)));
        // "title" is the record's name where the type has no title of its own.
        if (property is null && stem.Equals("title", StringComparison.OrdinalIgnoreCase))
            return new ColumnTarget(NameProperty, culture);
        return property is null ? null : new ColumnTarget(property.Alias, culture);
    }

    /// `title_kk`, `title-kk`, `title (kk)`, `title_kk-latn` → ("title", "kk"…); a header without one → (header, null).
    public static (string Stem, string? Culture) SplitCulture(string header)
    {
        if (header.EndsWith(')') && header.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var open)
            return (header[..open].Trim(), header[(open + 2)..^1].Trim().ToLowerInvariant());
        foreach (var separator in new[] { '_', '-', '.' })
        {
            var at = header.IndexOf(separator);
            if (at > 0 && LooksLikeCulture(header[(at + 1)..]))
                return (header[..at], header[(at + 1)..].ToLowerInvariant());
        }
        return (header, null);
    }

    private static bool LooksLikeCulture(string text) =>
        text.Length is >= 2 and <= 11 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1])
        && (text.Length == 2 || text[2] is '-' or '_' || (text.Length == 3 && char.IsAsciiLetter(text[2])))
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// The columns an export writes for a type in the archive's cultures, which this mapping reads back unchanged.
    public static IReadOnlyList<(string Header, ColumnTarget Target)> ExportColumns(SchemaSnapshot schema, ContentType type, IReadOnlyList<string> cultures)
    {
        var columns = new List<(string, ColumnTarget)>();
        if (schema.FindProperty(type, ArchiveAliases.AccessionNumber) is not null)
            columns.Add((ArchiveAliases.AccessionNumber, new ColumnTarget(ArchiveAliases.AccessionNumber)));
        foreach (var culture in cultures)
            columns.Add(($"{NameProperty}_{culture}", new ColumnTarget(NameProperty, culture)));
        foreach (var property in schema.PropertiesOf(type).Where(p => p.Alias != ArchiveAliases.AccessionNumber && Exported(p.EditorAlias)))
        {
            if (property.Variations.VariesByCulture())
                columns.AddRange(cultures.Select(c => ($"{property.Alias}_{c}", new ColumnTarget(property.Alias, c))));
            else
                columns.Add((property.Alias, new ColumnTarget(property.Alias)));
        }
        return columns;
    }

    /// Editors a cell can hold: structures (blocks, crops, files other than images) are not spreadsheet material.
    public static bool Exported(string editorAlias) => editorAlias is "Umbraco.TextBox" or "Umbraco.TextArea" or "Umbraco.RichText" or "Umbraco.TinyMCE"
        or "Umbraco.Integer" or "Umbraco.Decimal" or "Umbraco.TrueFalse" or "Umbraco.DateTime" or "Umbraco.DropDown.Flexible" or "Umbraco.Tags"
        or "Umbraco.MultiNodeTreePicker" or "Umbraco.ContentPicker" or "Archive.HistoricalDating" or "Umbraco.MediaPicker3";

    private sealed record Stored(Dictionary<string, ColumnTarget?> Columns);
}
