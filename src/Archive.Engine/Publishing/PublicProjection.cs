using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Engine.Content;
using Archive.Engine.Schema;

namespace Archive.Engine.Publishing;

/// The one rule of what the public may see. A stored item becomes its public projection, or nothing:
/// nothing for a private record (as soon as its draft or its published version says so), for anything
/// beneath one, for media a private record uses, and for items visible in no culture; otherwise only the
/// cultures published there and in every ancestor, with every sensitive property removed wherever it
/// sits (top level, blocks of lists and grids, rich-text blocks, nested elements, either stored shape).
/// Pure: the schema decides what is sensitive, so a field made sensitive disappears at the next change.
public static class PublicProjection
{
    public static bool SaysPrivate(ContentData? data) =>
        data is not null && data.Values.TryGetValue(ArchiveAliases.PrivateRecord, out var byCulture) && byCulture.Values.Any(ArchiveAliases.IsTrue);

    public static PublicItem? Project(StoredItem item, SchemaSnapshot schema)
    {
        if (item.IsWithheld)
            return null;
        // Media is not published in Umbraco: its current version serves, in every culture it has.
        var source = item.IsMedia ? item.Draft : item.Published;
        if (source is null)
            return null;
        var cultures = new Dictionary<string, PublicCulture>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in item.Cultures)
        {
            if (item.IsMedia)
                cultures[culture.Culture] = new PublicCulture(culture.Name, culture.Segment);
            else if (culture.Published && item.Ancestors.All(a => a.Passes(culture.Culture)))
                cultures[culture.Culture] = new PublicCulture(culture.PublishedName ?? culture.Name, culture.PublishedSegment ?? culture.Segment);
        }
        if (cultures.Count == 0)
            return null;
        return Build(item, source, cultures, schema, item.IsMedia ? item.UpdateDate : item.PublishedAt ?? item.UpdateDate);
    }

    /// What preview shows (an API-key channel, not a public one): the current draft in every culture it
    /// has, still without sensitive properties, and never a private record or anything beneath one.
    public static PublicItem? Preview(StoredItem item, SchemaSnapshot schema)
    {
        if (item.IsWithheld || item.Draft is null || item.Cultures.Count == 0)
            return null;
        var cultures = item.Cultures.ToDictionary(c => c.Culture, c => new PublicCulture(c.Name, c.Segment), StringComparer.OrdinalIgnoreCase);
        return Build(item, item.Draft, cultures, schema, item.UpdateDate);
    }

    private static PublicItem Build(StoredItem item, ContentData source, Dictionary<string, PublicCulture> cultures, SchemaSnapshot schema, DateTime updated)
    {
        var type = schema.FindType(item.ContentTypeAlias, item.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
        return new PublicItem
        {
            Key = item.Key,
            IsMedia = item.IsMedia,
            ContentTypeAlias = item.ContentTypeAlias,
            Level = item.Level,
            SortOrder = item.SortOrder,
            CreateDate = item.CreateDate,
            UpdateDate = updated,
            Ancestors = item.Ancestors,
            IsVariant = type?.VariesByCulture ?? false,
            Cultures = cultures,
            Data = PublicValues(source, type, schema, cultures.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase)),
            Whereabouts = item.Whereabouts,
        };
    }

    /// Names, segments and values of the visible cultures and the invariant ones, of the type's public
    /// properties only: a value the schema does not declare, or declares sensitive, is not carried.
    public static ContentData PublicValues(ContentData source, ContentType? type, SchemaSnapshot schema, IReadOnlySet<string> cultures)
    {
        var result = new ContentData();
        foreach (var (culture, name) in source.Names)
            if (Keeps(culture, cultures))
                result.Names[culture] = name;
        foreach (var (culture, segment) in source.Segments)
            if (Keeps(culture, cultures))
                result.Segments[culture] = segment;
        if (type is null)
            return result;
        foreach (var property in schema.PropertiesOf(type))
        {
            if (property.IsSensitive || !source.Values.TryGetValue(property.Alias, out var byCulture))
                continue;
            foreach (var (culture, value) in byCulture)
                if (Keeps(culture, cultures))
                    if (PublicValue(value, property, schema) is { } shown)
                        result.SetValue(property.Alias, culture, shown);
        }
        return result;
    }

    private static bool Keeps(string culture, IReadOnlySet<string> cultures) => culture.Length == 0 || cultures.Contains(culture);

    private static bool HoldsElements(string editorAlias) =>
        editorAlias is "Umbraco.BlockList" or "Umbraco.BlockGrid" or "Umbraco.RichText" or "Umbraco.TinyMCE";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// A stored value as the public may have it: the sensitive properties of the elements inside it removed,
    /// and every value, nested ones included, in its editor's public form (markup sanitised, unsafe links and
    /// file paths dropped). Null when nothing of it may be shown.
    public static string? PublicValue(string stored, PropertyType property, SchemaSnapshot schema) => PublicValue(stored, property, schema, 0);

    private static string? PublicValue(string stored, PropertyType property, SchemaSnapshot schema, int depth)
    {
        if (HoldsElements(property.EditorAlias) && stored.TrimStart().StartsWith('{'))
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(stored);
            }
            catch (JsonException)
            {
                // Not a block value the renderer could read either: nothing of it is served.
                return null;
            }
            if (node is not JsonObject value || depth > MaxDepth)
                return null;
            if (Clean(value, schema, depth))
                stored = value.ToJsonString(Json);
        }
        return Editors.PropertyEditors.Default.For(property.EditorAlias).ToPublic(stored);
    }

    private const int MaxDepth = 16;

    /// Cleans a block value (or a rich-text value's blocks) in place; returns whether anything changed.
    private static bool Clean(JsonObject value, SchemaSnapshot schema, int depth)
    {
        var changed = false;
        if (Member(value, "blocks") is JsonObject richTextBlocks)
            changed |= Clean(richTextBlocks, schema, depth + 1);
        foreach (var part in new[] { "contentData", "settingsData" })
            if (Member(value, part) is JsonArray elements)
                foreach (var element in elements.OfType<JsonObject>())
                    changed |= CleanElement(element, schema, depth);
        return changed;
    }

    private static bool CleanElement(JsonObject element, SchemaSnapshot schema, int depth)
    {
        var type = Guid.TryParse(element["contentTypeKey"]?.ToString(), out var typeKey) ? schema.FindType(typeKey) : null;
        var changed = false;
        if (element["values"] is JsonArray values)
        {
            // The v14+ shape: [{ "alias", "culture", "value" }].
            for (var i = values.Count - 1; i >= 0; i--)
            {
                var alias = values[i]?["alias"]?.ToString() ?? "";
                var property = type is null ? null : schema.FindProperty(type, alias);
                if (property is null || property.IsSensitive || values[i] is not JsonObject entry)
                {
                    values.RemoveAt(i);
                    changed = true;
                }
                else
                    changed |= CleanNested(entry, "value", property, schema, depth);
            }
            return changed;
        }
        // The older shape: properties inline beside contentTypeKey and udi.
        foreach (var name in element.Select(p => p.Key).ToList())
        {
            if (name is "contentTypeKey" or "udi" or "key")
                continue;
            var property = type is null ? null : schema.FindProperty(type, name);
            if (property is null || property.IsSensitive)
            {
                element.Remove(name);
                changed = true;
            }
            else
                changed |= CleanNested(element, name, property, schema, depth);
        }
        return changed;
    }

    /// A value inside an element, held as a string or (for editors that store JSON) as JSON itself,
    /// replaced by its public form in the same shape.
    private static bool CleanNested(JsonObject owner, string member, PropertyType property, SchemaSnapshot schema, int depth)
    {
        var node = owner[member];
        if (node is null)
            return false;
        var isText = node is JsonValue text && text.TryGetValue<string>(out _);
        var stored = isText ? node.GetValue<string>() : node.ToJsonString(Json);
        var cleaned = PublicValue(stored, property, schema, depth + 1);
        if (cleaned == stored)
            return false;
        if (cleaned is null)
            owner[member] = null;
        else if (isText)
            owner[member] = cleaned;
        else
        {
            try
            {
                owner[member] = JsonNode.Parse(cleaned);
            }
            catch (JsonException)
            {
                owner[member] = null;
            }
        }
        return true;
    }

    /// Umbraco writes these keys in either case ("contentData" and "ContentData") across versions.
    private static JsonNode? Member(JsonObject value, string name) =>
        value.TryGetPropertyValue(name, out var exact) ? exact : value.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
