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
        if (item.IsPrivateRecord || item.Ancestors.Any(a => a.IsPrivateRecord) || (item.IsMedia && item.UsedByPrivateRecord))
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
        var type = schema.FindType(item.ContentTypeAlias, item.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
        return new PublicItem
        {
            Key = item.Key,
            IsMedia = item.IsMedia,
            ContentTypeAlias = item.ContentTypeAlias,
            Level = item.Level,
            SortOrder = item.SortOrder,
            CreateDate = item.CreateDate,
            UpdateDate = item.UpdateDate,
            Ancestors = item.Ancestors,
            IsVariant = type?.VariesByCulture ?? false,
            Cultures = cultures,
            Data = PublicValues(source, type, schema, cultures.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase)),
        };
    }

    /// What preview shows (an API-key channel, not a public one): the current draft in every culture it
    /// has, still without sensitive properties, and never a private record or anything beneath one.
    public static PublicItem? Preview(StoredItem item, SchemaSnapshot schema)
    {
        if (item.IsPrivateRecord || item.Ancestors.Any(a => a.IsPrivateRecord) || (item.IsMedia && item.UsedByPrivateRecord) || item.Draft is null || item.Cultures.Count == 0)
            return null;
        var cultures = item.Cultures.ToDictionary(c => c.Culture, c => new PublicCulture(c.Name, c.Segment), StringComparer.OrdinalIgnoreCase);
        var type = schema.FindType(item.ContentTypeAlias, item.IsMedia ? ContentTypeKind.Media : ContentTypeKind.Document);
        return new PublicItem
        {
            Key = item.Key,
            IsMedia = item.IsMedia,
            ContentTypeAlias = item.ContentTypeAlias,
            Level = item.Level,
            SortOrder = item.SortOrder,
            CreateDate = item.CreateDate,
            UpdateDate = item.UpdateDate,
            Ancestors = item.Ancestors,
            IsVariant = type?.VariesByCulture ?? false,
            Cultures = cultures,
            Data = PublicValues(item.Draft, type, schema, cultures.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase)),
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
                    result.SetValue(property.Alias, culture, WithoutSensitive(value, property, schema));
        }
        return result;
    }

    private static bool Keeps(string culture, IReadOnlySet<string> cultures) => culture.Length == 0 || cultures.Contains(culture);

    private static bool HoldsElements(string editorAlias) =>
        editorAlias is "Umbraco.BlockList" or "Umbraco.BlockGrid" or "Umbraco.RichText" or "Umbraco.TinyMCE";

    /// A stored value with the sensitive properties of the elements inside it removed. Values of other
    /// editors hold no elements and come back as they are.
    public static string WithoutSensitive(string stored, PropertyType property, SchemaSnapshot schema)
    {
        if (!HoldsElements(property.EditorAlias) || !stored.TrimStart().StartsWith('{'))
            return stored;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(stored);
        }
        catch (JsonException)
        {
            // Not a block value the renderer could read either: nothing of it is served.
            return "";
        }
        return node is JsonObject value && Strip(value, schema, 0) ? value.ToJsonString() : stored;
    }

    private const int MaxDepth = 16;

    /// Removes sensitive properties from a block value (or a rich-text value's blocks); returns whether anything changed.
    private static bool Strip(JsonObject value, SchemaSnapshot schema, int depth)
    {
        if (depth > MaxDepth)
            return false;
        var changed = false;
        if (Member(value, "blocks") is JsonObject richTextBlocks)
            changed |= Strip(richTextBlocks, schema, depth + 1);
        foreach (var part in new[] { "contentData", "settingsData" })
            if (Member(value, part) is JsonArray elements)
                foreach (var element in elements.OfType<JsonObject>())
                    changed |= StripElement(element, schema, depth);
        return changed;
    }

    private static bool StripElement(JsonObject element, SchemaSnapshot schema, int depth)
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
                if (property is null || property.IsSensitive)
                {
                    values.RemoveAt(i);
                    changed = true;
                }
                else if (values[i] is JsonObject entry && HoldsElements(property.EditorAlias))
                    changed |= StripNested(entry, "value", schema, depth);
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
            else if (HoldsElements(property.EditorAlias))
                changed |= StripNested(element, name, schema, depth);
        }
        return changed;
    }

    /// A nested block or rich-text value, held as a JSON object or as a string of JSON.
    private static bool StripNested(JsonObject owner, string member, SchemaSnapshot schema, int depth)
    {
        switch (owner[member])
        {
            case JsonObject nested:
                return Strip(nested, schema, depth + 1);
            case JsonValue text when text.TryGetValue<string>(out var json) && json.TrimStart().StartsWith('{'):
                JsonObject? parsed;
                try
                {
                    parsed = JsonNode.Parse(json) as JsonObject;
                }
                catch (JsonException)
                {
                    parsed = null;
                }
                if (parsed is null)
                {
                    owner[member] = null;
                    return true;
                }
                if (!Strip(parsed, schema, depth + 1))
                    return false;
                owner[member] = parsed.ToJsonString();
                return true;
            default:
                return false;
        }
    }

    /// Umbraco writes these keys in either case ("contentData" and "ContentData") across versions.
    private static JsonNode? Member(JsonObject value, string name) =>
        value.TryGetPropertyValue(name, out var exact) ? exact : value.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
