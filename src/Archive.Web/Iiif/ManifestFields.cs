using System.Text.Json.Nodes;
using Archive.Delivery.Cache;
using Archive.Delivery.Rendering;
using Archive.Engine.Content;
using Archive.Engine.Editors;
using Archive.Engine.Publishing;
using Archive.Engine.Schema;

namespace Archive.Web.Iiif;

/// A manifest's metadata, read from the schema and the public projection: every public property of the
/// item's type that reads as text, labelled in every culture the dictionary translates it into. A field
/// the schema marks sensitive, or one added to the type, changes the manifests with no code change.
public static class ManifestFields
{
    /// Properties the manifest gives a place of their own (label, requiredStatement, rights, canvases,
    /// summary) or that are flags rather than facts.
    private static readonly HashSet<string> OwnPlace = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", ArchiveAliases.CreditLine, RightsValue.Alias, ArchiveAliases.Images, ArchiveAliases.PrivateRecord, "description",
    };

    public static JsonArray Of(PublishedCache cache, PublishedNode node, ContentData data, IReadOnlyList<string> cultures)
    {
        var metadata = new JsonArray();
        var schema = cache.Schema;
        if (schema.FindType(node.ContentTypeAlias) is not { } type)
            return metadata;
        foreach (var property in schema.PropertiesOf(type))
        {
            if (property.IsSensitive || OwnPlace.Contains(property.Alias))
                continue;
            if (ValueOf(cache, PropertyEditors.Default.For(property.EditorAlias), data, property.Alias, cultures) is { Count: > 0 } value)
                metadata.Add(new JsonObject { ["label"] = LanguageMap(schema.LabelOf(property)), ["value"] = value });
        }
        return metadata;
    }

    /// A language map ("none" for text in no particular language) of the non-empty texts.
    public static JsonObject LanguageMap(IEnumerable<KeyValuePair<string, string>> values)
    {
        var map = new JsonObject();
        foreach (var (language, text) in values)
            if (!string.IsNullOrWhiteSpace(text))
                map[language] = new JsonArray(text);
        return map;
    }

    /// A property's value as a language map: per culture for a variant property, "none" otherwise;
    /// picked items by their names in each culture.
    public static JsonObject? PerCulture(PropertyEditor editor, ContentData data, string alias, IReadOnlyList<string> cultures)
    {
        string? Text(string culture) => data.GetValue(alias, culture) is { Length: > 0 } stored ? editor.TextOf(stored)?.Trim() : null;
        var values = cultures.Select(c => KeyValuePair.Create(c, Text(c) ?? "")).Where(v => v.Value.Length > 0).ToList();
        if (values.Count == 0 && Text(ContentData.Invariant) is { Length: > 0 } invariant)
            values.Add(KeyValuePair.Create(SchemaSnapshot.NoLanguage, invariant));
        return values.Count == 0 ? null : LanguageMap(values);
    }

    private static JsonObject? ValueOf(PublishedCache cache, PropertyEditor editor, ContentData data, string alias, IReadOnlyList<string> cultures)
    {
        switch (editor)
        {
            case MultiNodeTreePickerEditor or ContentPickerEditor:
                return PickedNames(cache, data.GetValue(alias), cultures);
            // Structures, files and flags have no one-line text a viewer could show.
            case BlockListEditor or MediaPicker3Editor or ImageCropperEditor or UploadFieldEditor or TrueFalseEditor or GeoPointEditor or UnknownEditor:
                return null;
            default:
                return PerCulture(editor, data, alias, cultures);
        }
    }

    /// Picked terms, people or places by their public names; an item the public cannot see is left out.
    private static JsonObject? PickedNames(PublishedCache cache, string? stored, IReadOnlyList<string> cultures)
    {
        var nodes = (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Udi.TryParse(u, out var udi) ? cache.Find(udi.Value.Key) : null).OfType<PublishedNode>().ToList();
        if (nodes.Count == 0)
            return null;
        var map = new JsonObject();
        foreach (var culture in cultures)
        {
            var names = nodes.Select(n => n.CultureOf(culture)?.Name).OfType<string>().ToList();
            if (names.Count > 0)
                map[culture] = new JsonArray(string.Join("; ", names));
        }
        return map.Count > 0 ? map : null;
    }
}
